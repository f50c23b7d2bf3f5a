/** NC-13 — a 类/款/项 path not found under its GB ancestors: the item is matched by list position instead (info). */
import { Finding } from '../../findings';
import { detailItems } from '../slots';
import { NRule } from './kit';

const rule: NRule = {
  id: 'NC-13',
  title: '具体情况中的科目名称与一般公共预算财政拨款支出决算表一致',
  family: 'narrative',
  formula: '五（三）中的 类/款/项 名称能在一般公共预算财政拨款支出决算表中找到；找不到时按列举顺序对应并说明',
  spec: 'narratives.md §4（实现 identities.md G-INTER-20）',
  severities: ['info'],
  severityHow: '说明',
  messages: ['说明中的科目“{名称}”在一般公共预算财政拨款支出决算表中找不到，按列举顺序对应到 {科目}'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const { para, path } of detailItems(ctx)) {
      if (!path.mismatch) continue;
      const fallback = (path as typeof path & { fallback?: string }).fallback;
      out.push(ctx.finding(para, 'NC-13', 'info', path.mismatch, fallback ?? null,
        `科目“${path.mismatch}”在一般公共预算财政拨款支出决算表中找不到同名科目，按列示顺序对应为 ${fallback ?? '（无）'}，请核对科目名称`));
    }
    return out;
  },
};

export default rule;
