/** NC-07 — completeness of names-only lists against their tables (info): 五（二） classes, 五（三） items, 六 款. */
import { Finding } from '../../findings';
import { labelKey, norm } from '../../text';
import { detailItems, classKey, itemRows, segmentClasses } from '../slots';
import { NRule } from './kit';

const rule: NRule = {
  id: 'NC-07',
  title: '列举的项目与表中非零项目一致',
  family: 'narrative',
  formula: '只列名称的清单（收入、支出项目，五（二）各类，五（三）各项，六 各款，十二 资产种类）与表中非零项目一致',
  spec: 'narratives.md §4（实现 identities.md G-INTER-20）',
  severities: ['info'],
  severityHow: '说明：列出缺列或多列的项目',
  messages: ['说明列举的{清单}与表中非零项目不一致：缺 {缺列}'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    const gb = ctx.table('general-budget-expenditure');
    const structure = ctx.paras.filter((p) => !p.heading && p.topic === 'general' && p.part === 'structure');
    if (gb && structure.length > 0) {
      const text = classKey(structure.map((p) => p.text).join('').replace(/[(（]类[)）]/g, ''));
      const joined = norm(structure.map((p) => p.text).join('')).replace(/[()（）类]/g, '');
      const missing = itemRows(ctx, gb, 3).filter((r) => !joined.includes(classKey(r.name)) && !text.includes(classKey(r.name)));
      if (missing.length) {
        out.push(ctx.finding(structure[0], 'NC-07', 'info', null, missing.map((r) => r.name).join('、'), `结构情况未列出表中有数的类：${missing.map((r) => `${r.code} ${r.name}`).join('、')}`));
      }
    }
    const items = detailItems(ctx);
    // Set B may list several 类 in one paragraph, one per segment: each counts as an item.
    const itemParas = new Set(items.map((i) => i.para.index));
    const grouped = ctx.paras.filter((p) => !p.heading && p.topic === 'general' && p.part === 'detail' && !itemParas.has(p.index)).map((p) => ({ p, n: segmentClasses(ctx, p).length })).filter((x) => x.n >= 2);
    const listed = items.length + grouped.reduce((a, x) => a + x.n, 0);
    const first = items[0]?.para ?? grouped[0]?.p;
    if (gb && first) {
      const level = items[0]?.path.level ?? 'lei';
      const expected = itemRows(ctx, gb, level === 'xiang' ? 7 : 3).length;
      if (listed < expected) {
        out.push(ctx.finding(first, 'NC-07', 'info', String(listed), String(expected), `具体情况列出 ${listed} 项，而一般公共预算财政拨款支出决算表有 ${expected} 个有数的${level === 'xiang' ? '项' : '类'}`));
      }
    }
    const be = ctx.table('basic-expenditure');
    const basic = ctx.paras.filter((p) => !p.heading && p.topic === 'basic');
    if (be?.be && basic.length > 0) {
      const joined = norm(basic.map((p) => p.text).join(''));
      const missing = be.be.items.filter((i) => {
        if (i.code.length !== 5 || !i.basic) return false;
        const v = ctx.values.value({ table: be, pos: i.basic });
        return v !== null && !v.isZero() && !joined.includes(labelKey(i.name));
      });
      if (missing.length) {
        out.push(ctx.finding(basic[0], 'NC-07', 'info', null, missing.map((i) => i.name).join('、'), `基本支出说明未列出表中有数的款：${missing.map((i) => `${i.code} ${i.name}`).join('、')}`));
      }
    }
    return out;
  },
};

export default rule;
