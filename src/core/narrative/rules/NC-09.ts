/**
 * NC-09 — counts are exact: Σ 车型 = 车辆合计, 车辆合计 = DS 行7 (and each type its DS row, 设备 = DS 行17),
 * 接待 批次/人次 parts = totals (error). 保有量 vs 车辆合计 is info (N-13). 购置辆数 against 3P 栏10 is a warning.
 */
import { Finding } from '../../findings';
import { Decimal, ZERO } from '../../numbers';
import { labelKey, norm } from '../../text';
import { clauseLead, NarrativeContext, Para, segmentLead } from '../context';
import { Figure } from '../figures';
import { tpItemAt, tpSlot } from '../slots';
import { NRule } from './kit';

const counts = (p: Para, unit?: RegExp) => p.figures.filter((f) => f.kind === 'count' && (!unit || unit.test(f.unit)));
const lead = (p: Para, f: Figure) => norm(clauseLead(p, f.start));

function dsCount(ctx: NarrativeContext, line: number): { value: Decimal; cell: string } | null {
  const slot = ctx.line('disclosure-stats', line);
  if (!slot) return null;
  const v = ctx.slotValue(slot);
  return v === null ? null : { value: v, cell: ctx.refs(slot)[0].cell };
}

function vehicleTypeKey(label: string): string {
  return labelKey(label).replace(/^\d+\.?/, '').replace(/\(.*?\)/g, '').replace(/用车$/, '');
}

const rule: NRule = {
  id: 'NC-09',
  title: '说明中的数量（车辆、设备、接待批次人次）准确',
  family: 'narrative',
  formula: '数量须完全相等：各车型之和 = 车辆合计 = 统计表 行7；接待批次、人次各部分之和 = 合计；购置辆数与购置费一致',
  spec: 'narratives.md §4（实现 identities.md G-INTER-20）',
  severities: ['error', 'warning', 'info'],
  severityHow: '数量不等为错误；保有量与车辆合计不同为说明；购置辆数与购置费一有一无为提示',
  messages: ['说明中“{引文}”为 {填报数}，应为 {应为数}（数量须完全相等）'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    const ds = ctx.table('disclosure-stats');
    let vehicleTotal: Figure | null = null;
    for (const p of ctx.paras.filter((q) => !q.heading && q.topic === 'assets')) {
      const cars = counts(p, /辆/);
      const total = cars.find((f) => /车辆|共有|合计/.test(lead(p, f)) && !/用车/.test(lead(p, f))) ?? null;
      const types = cars.filter((f) => f !== total && /用车/.test(lead(p, f)));
      if (total) vehicleTotal = vehicleTotal ?? total;
      if (total && types.length > 0) {
        const sum = types.reduce((s, f) => s.plus(f.value), ZERO);
        if (!sum.eq(total.value)) {
          out.push(ctx.finding(p, 'NC-09', 'error', total.text, sum.toFixed(0), `说明中车辆合计“${total.quote}”与所列各类车辆之和 ${sum.toFixed(0)} 辆不符（数量须完全相等）`));
        }
      }
      if (ds && total) {
        const line7 = dsCount(ctx, 7);
        if (line7 && !line7.value.eq(total.value)) {
          out.push(ctx.finding(p, 'NC-09', 'error', total.text, line7.value.toFixed(0), `说明中车辆合计“${total.quote}”，而${ds.sheet.name}!${line7.cell} 车辆数合计为 ${line7.value.toFixed(0)} 辆`, { related: [{ sheet: ds.sheet.name, cell: line7.cell }] }));
        }
      }
      if (ds) {
        const half = ds.halves[0];
        for (const f of types) {
          const key = vehicleTypeKey(lead(p, f));
          for (let line = 8; line <= 15; line++) {
            const lr = half?.lines.get(line);
            if (!lr) continue;
            const k = vehicleTypeKey(lr.label);
            if (k.length < 2 || !key.endsWith(k)) continue;
            const v = dsCount(ctx, line);
            if (v && !v.value.eq(f.value)) {
              out.push(ctx.finding(p, 'NC-09', 'error', f.text, v.value.toFixed(0), `说明中“${f.quote}”，而${ds.sheet.name}!${v.cell}（${lr.label}）为 ${v.value.toFixed(0)} 辆`, { related: [{ sheet: ds.sheet.name, cell: v.cell }] }));
            }
            break;
          }
        }
        const equipment = counts(p, /台|套/).find((f) => /100万元/.test(lead(p, f)));
        const line17 = dsCount(ctx, 17);
        if (equipment && line17 && !line17.value.eq(equipment.value)) {
          out.push(ctx.finding(p, 'NC-09', 'error', equipment.text, line17.value.toFixed(0), `说明中单价 100 万元以上设备“${equipment.quote}”，而${ds.sheet.name}!${line17.cell} 为 ${line17.value.toFixed(0)} 台（套）`, { related: [{ sheet: ds.sheet.name, cell: line17.cell }] }));
        }
      }
    }
    const dsTotal = ds ? dsCount(ctx, 7) : null;
    for (const p of ctx.paras.filter((q) => !q.heading && q.topic === 'threePublic')) {
      for (const f of counts(p, /辆/)) {
        const l = lead(p, f);
        if (/保有量/.test(l) || /保有量/.test(norm(segmentLead(p, f.start)).slice(-12))) {
          const other = dsTotal?.value ?? vehicleTotal?.value ?? null;
          if (other && !other.eq(f.value)) {
            out.push(ctx.finding(p, 'NC-09', 'info', f.text, other.toFixed(0), `公务用车保有量“${f.quote}”与车辆数合计 ${other.toFixed(0)} 辆不同（两者口径不同，仅供核对）`));
          }
        } else if (/购置/.test(l)) {
          const slot = tpSlot(ctx, 'purchase', false);
          const v = slot ? ctx.slotValue(slot) : null;
          if (v && f.value.isZero() !== v.isZero()) {
            out.push(ctx.finding(p, 'NC-09', 'warning', f.text, null, f.value.isZero()
              ? `说明称购置车辆 0 辆，但“三公”经费表公务用车购置费决算为 ${v.toFixed(2)}`
              : `说明称购置车辆“${f.quote}”，但“三公”经费表公务用车购置费决算为 0`, { related: ctx.refs(slot!) }));
          }
        }
      }
      // 接待 批次/人次: the first of each is the total, the 国内 and 国（境）外 ones its parts (外事 is within 国内).
      for (const unit of [/批次/, /人次/]) {
        const list = counts(p, unit).filter((f) => tpItemAt(p, f.start) !== 'abroad' && /接待/.test(norm(segmentLead(p, f.start)) + norm(p.text.slice(0, f.start)).slice(-30)));
        if (list.length < 3) continue;
        const total = list[0];
        const parts = list.slice(1).filter((f) => {
          const item = tpItemAt(p, f.start);
          return item === 'domesticReception' || item === 'foreignReception';
        });
        const byItem = new Map<string, Figure>();
        for (const f of parts) if (!byItem.has(tpItemAt(p, f.start)!)) byItem.set(tpItemAt(p, f.start)!, f);
        if (byItem.size < 2) continue;
        const sum = [...byItem.values()].reduce((s, f) => s.plus(f.value), ZERO);
        if (!sum.eq(total.value)) {
          out.push(ctx.finding(p, 'NC-09', 'error', total.text, sum.toFixed(0), `公务接待总数“${total.quote}”与国内、国（境）外之和 ${sum.toFixed(0)}${total.unit} 不符`));
        }
      }
    }
    return out;
  },
};

export default rule;
