/** R-PREC — 存储值多于显示小数位. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-PREC',
  family: 'reading',
  title: '存储值多于显示小数位',
  formula: '存储值的小数位多于数字格式显示的位数：按显示值核对',
  spec: 'spec README “Reading cells” (a)',
  severities: ['info'],
  severityHow: '说明',
  messages: ['存储值 {存储值} 的小数位多于显示的 {位数} 位，核对按显示值 {显示值} 进行'],
  fix: null,
});
