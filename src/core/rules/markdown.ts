/** docs/rules.md: the catalogue written out for people, from the same definitions the checks use. */
import { SEVERITY_LABEL, TEMPLATE_LABEL } from '../findings';
import { FAMILY_LABEL, RULE_FAMILIES, RuleDefinition, ruleClass } from './definition';

const FAMILY_ABOUT: Record<RuleDefinition['family'], string> = {
  intra: '同一张公开表内的勾稽关系（identities.md §3）。',
  inter: '两张公开表之间的勾稽关系（identities.md §4）。',
  selfeval: '项目支出和部门整体绩效自评表的计算与填写（selfeval-rules.md）。',
  narrative: '第三部分情况说明、绩效自评综述与各表的核对（narratives.md §4）。',
  reading: '单元格怎样读取：读不出、按文本读出、单位、精度、空表等（spec README “Reading cells”）。',
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function rulesMarkdown(rules: readonly RuleDefinition[]): string {
  const out: string[] = [];
  const forced = rules.filter((r) => ruleClass(r) === '强制').length;
  out.push('# 审核规则');
  out.push('');
  out.push('本文件由 `npm run docs:rules` 从规则定义生成（与 `juesuan rules` 和任务窗格“审核规则”列出的内容相同），请勿手改。');
  out.push('');
  out.push(`共 ${rules.length} 条：强制 ${forced} 条（可报“错误”），提示 ${rules.length - forced} 条（只报尾数误差、提示或说明）。`);
  for (const family of RULE_FAMILIES) {
    const group = rules.filter((r) => r.family === family);
    if (group.length === 0) continue;
    out.push('');
    out.push(`## ${FAMILY_LABEL[family]}（${group.length} 条）`);
    out.push('');
    out.push(FAMILY_ABOUT[family]);
    out.push('');
    out.push('| 编号 | 名称 | 类别 | 结果 |');
    out.push('|---|---|---|---|');
    for (const r of group) out.push(`| [${r.id}](#${r.id.toLowerCase()}) | ${cell(r.title)} | ${ruleClass(r)} | ${r.severities.map((s) => SEVERITY_LABEL[s]).join('、')} |`);
    for (const r of group) {
      out.push('');
      out.push(`### ${r.id}`);
      out.push('');
      out.push(`**${r.title}**（${ruleClass(r)}）`);
      out.push('');
      out.push(`- 公式：${r.formula}`);
      if (r.tables?.length) out.push(`- 适用表：${r.tables.map((t) => TEMPLATE_LABEL[t]).join('、')}`);
      out.push(`- 结果：${r.severities.map((s) => SEVERITY_LABEL[s]).join('、')}。${r.severityHow}`);
      for (const m of r.messages) out.push(`- 提示语：${m}`);
      out.push(`- 更正：${r.fix ?? '无'}`);
      if (r.formerIds?.length) out.push(`- 曾用编号：${r.formerIds.join('、')}`);
      out.push(`- 依据：${r.spec}`);
    }
  }
  return out.join('\n') + '\n';
}
