/** NC-05 — 政府性基金 / 国有资本经营: the "no such income or spending" wording ⇔ an all-zero 合计 row (G-INTER-21). */
import { Finding } from '../../findings';
import { ZERO } from '../../numbers';
import { norm } from '../../text';
import { NarrativeContext } from '../context';
import { NRule } from './kit';

const EMPTY_WORDING = /没有.*(?:收入|支出)|本表无数据|无此项(?:收支|支出|收入)|未发生.*(?:收入|支出)|无.*(?:收入|支出)(?:发生)?[。]?$/;

function tableTotal(ctx: NarrativeContext, template: 'gov-fund' | 'state-capital'): { empty: boolean } | null {
  const t = ctx.table(template);
  if (!t || t.totalRow === null) return null;
  let sum = ZERO;
  for (const c of t.columns) {
    const v = ctx.values.value({ table: t, pos: { row: t.totalRow, col: c.col } });
    if (v === null) return null;
    sum = sum.plus(v.abs());
  }
  return { empty: sum.isZero() };
}

const rule: NRule = {
  id: 'NC-05',
  title: '“无此项收支”的表述与政府性基金、国有资本经营表一致',
  family: 'narrative',
  formula: '“没有…收入/支出”“本表无数据”等表述 ⇔ 政府性基金、国有资本经营表合计全为 0',
  spec: 'narratives.md §4（实现 identities.md G-INTER-21）',
  severities: ['warning'],
  severityHow: '任一方向矛盾即提示',
  messages: ['说明称“{引文}”，但{表名}合计不为 0'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const [topic, template, label] of [['govFund', 'gov-fund', '政府性基金'], ['stateCapital', 'state-capital', '国有资本经营']] as const) {
      const paras = ctx.paras.filter((p) => !p.heading && p.topic === topic);
      if (paras.length === 0) continue;
      const table = tableTotal(ctx, template);
      if (!table) continue;
      for (const p of paras) {
        const saysEmpty = EMPTY_WORDING.test(norm(p.text));
        const nonZero = p.figures.filter((f) => f.kind === 'amount' && !f.value.isZero());
        if (saysEmpty && !table.empty) {
          out.push(ctx.finding(p, 'NC-05', 'warning', null, null, `说明称本部门没有${label}收支，但${label}预算财政拨款表的合计行有数`));
        } else if (!saysEmpty && table.empty && nonZero.length > 0) {
          out.push(ctx.finding(p, 'NC-05', 'warning', nonZero[0].text, '0.00', `说明列有${label}金额“${nonZero[0].quote}”，但${label}预算财政拨款表的合计行全为空或 0`));
        }
      }
    }
    return out;
  },
};

export default rule;
