/** `juesuan rules [--format text|json|markdown]`: the rule catalogue, from the same definitions the checks use. */
import { SEVERITY_LABEL } from '../core/findings';
import { RULE_CATALOGUE, ruleJson } from '../core/rules/catalogue';
import { FAMILY_LABEL, RULE_FAMILIES, ruleClass } from '../core/rules/definition';
import { rulesMarkdown } from '../core/rules/markdown';
import type { CliIO } from './io';
import { parseArgs } from './inputs';
import { formatTable } from './report';

export async function runRules(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['--format'], []);
  if (typeof parsed === 'string') {
    io.err(`juesuan rules：${parsed}\n`);
    return 2;
  }
  if (parsed.positional.length > 0) {
    io.err(`juesuan rules：不需要文件参数（多余的“${parsed.positional[0]}”）\n`);
    return 2;
  }
  const format = (parsed.options.get('--format') as string | undefined) ?? 'text';
  if (format === 'json') {
    io.out(JSON.stringify({ rules: RULE_CATALOGUE.map(ruleJson) }, null, 2) + '\n');
  } else if (format === 'markdown') {
    io.out(rulesMarkdown(RULE_CATALOGUE));
  } else if (format === 'text') {
    const out: string[] = [`共 ${RULE_CATALOGUE.length} 条审核规则（强制：可报错误；提示：只报尾数误差、提示或说明）`];
    for (const family of RULE_FAMILIES) {
      const group = RULE_CATALOGUE.filter((r) => r.family === family);
      if (group.length === 0) continue;
      out.push('', `【${FAMILY_LABEL[family]}】`);
      out.push(formatTable(['编号', '类别', '结果', '名称', '公式'], group.map((r) => [r.id, ruleClass(r), r.severities.map((s) => SEVERITY_LABEL[s]).join('、'), r.title, r.formula])));
    }
    io.out(out.join('\n') + '\n');
  } else {
    io.err('juesuan rules：--format 只能是 text、json 或 markdown\n');
    return 2;
  }
  return 0;
}
