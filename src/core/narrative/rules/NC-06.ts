/** NC-06 — the 三公 completion label agrees with the 3P 注 (年初预算数 → 完成预算的; 全年/调整后 → 完成全年预算的). */
import { Finding } from '../../findings';
import { rawText } from '../../grid';
import { norm } from '../../text';
import { NRule } from './kit';

const rule: NRule = {
  id: 'NC-06',
  title: '“三公”经费完成预算的表述与“三公”表注释一致',
  family: 'narrative',
  formula: '“三公”经费“完成全年预算的”与“三公”表注释所说的预算口径（年初或全年）一致',
  spec: 'narratives.md §4',
  severities: ['warning'],
  severityHow: '不一致即提示',
  messages: ['说明中“{引文}”与“三公”表注释的预算口径不一致'],
  fix: null,
  run(ctx) {
    const t = ctx.table('three-public');
    if (!t) return [];
    let note = '';
    for (let r = 0; r < t.sheet.rowCount; r++) {
      for (const cell of t.sheet.cells[r] ?? []) {
        const s = norm(rawText(cell));
        if (/^(?:注|说明)/.test(s) && /预算数/.test(s)) note += s;
      }
    }
    const basis = /全年预算数|调整后/.test(note) ? 'full' : /年初预算数/.test(note) ? 'initial' : null;
    if (!basis) return [];
    const out: Finding[] = [];
    for (const p of ctx.paras) {
      if (p.heading || p.topic !== 'threePublic') continue;
      const n = norm(p.text);
      const m = basis === 'initial' ? /完成(?:了)?全年预算(?:数)?的|完成(?:了)?调整(?:后)?预算(?:数)?的/.exec(n) : /完成(?:了)?年初预算(?:数)?的/.exec(n);
      if (!m) continue;
      out.push(ctx.finding(p, 'NC-06', 'warning', m[0], basis === 'initial' ? '完成预算的' : '完成全年预算的',
        basis === 'initial'
          ? `说明写“${m[0]}”，但“三公”经费表注明预算数为年初预算数，应写“完成预算的”或“完成“三公”经费预算的”`
          : `说明写“${m[0]}”，但“三公”经费表注明预算数为全年预算数（调整后），应写“完成全年预算的”`));
    }
    return out;
  },
};

export default rule;
