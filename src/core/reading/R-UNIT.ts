/** R-UNIT — 金额单位未注明. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-UNIT',
  family: 'reading',
  title: '金额单位未注明',
  formula: '找不到金额单位时，按本工作簿其他表的单位处理；都没有则暂按万元',
  spec: 'spec README “Reading cells” (g)',
  severities: ['info'],
  severityHow: '说明',
  messages: ['未找到金额单位，按本工作簿其他表的单位“{单位}”处理', '未找到金额单位，本工作簿其他表也没有注明单位，暂按“{单位}”处理，请核对'],
  fix: null,
});
