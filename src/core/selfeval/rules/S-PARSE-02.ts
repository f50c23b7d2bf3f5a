/** S-PARSE-02 — 文本数字. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-PARSE-02',
  family: 'selfeval',
  title: '文本数字',
  formula: '文本“9.8分”“5万元”“10 ”等按数字读取（去空格、全角转半角，带 %、分、万元、元）',
  spec: 'selfeval-rules.md §1',
  severities: ['info'],
  severityHow: '按文本读出数字时给说明',
  messages: ['“{原文}”为文本，按 {读数} 读取', '{栏目}“{原文}”带单位“{单位}”，为文本，按 {读数} 读取'],
  fix: null,
});
