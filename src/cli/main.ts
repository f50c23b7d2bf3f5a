/**
 * `juesuan` — the command-line front end. It only parses arguments, calls the engine through the .xlsx host and
 * prints; it never modifies an input file.
 */
import { runCheck } from './check';
import type { CliIO, Command } from './io';

export type { CliIO, Command } from './io';

const COMMANDS: Record<string, { run: () => Promise<Command>; summary: string; help: string[] }> = {
  check: {
    run: async () => runCheck,
    summary: '审核工作簿：juesuan check <文件或文件夹…> [--format text|json] [--annotate 输出.xlsx或文件夹] [--timeout 秒] [--force] [--template 工作表=模板编号 …]',
    help: [
      '用法：juesuan check <文件或文件夹…> [--format text|json] [--annotate 输出.xlsx或文件夹] [--timeout 秒] [--force] [--info] [--template 工作表=模板编号 …]',
      '',
      '  <文件或文件夹…>      要审核的 .xlsx；文件夹中的 .xlsx 逐个审核',
      '  --format text|json  输出中文表格（默认）或 JSON',
      '  --annotate 输出.xlsx  另存一份标注副本：出错的行填色、单元格加批注（原文件不改动）；审核多个文件时给一个已有的文件夹，每个文件一份',
      '  --timeout 秒        每个文件的审核时限（默认 120 秒；多个文件在工作线程中并行审核）',
      '  --force             标注副本已存在时替换它（默认不覆盖）',
      '  --info              同时列出读数说明',
      '  --template 工作表=模板编号  指定表类型（可重复），如 --template \'Sheet3=fiscal-summary\'；该表按所指定的模板读取',
    ],
  },
  draft: {
    run: async () => (await import('./draft')).runDraft,
    summary: '起草第三部分情况说明：juesuan draft <文件.xlsx> [--sections NT-01,NT-05] [--set A|B] [--out 副本.xlsx]',
    help: [
      '用法：juesuan draft <文件.xlsx> [--sections NT-01,NT-05] [--set A|B] [--style plain|grouped] [--zeros]',
      '                    [--fill 填写值.json] [--list-slots] [--out 副本.xlsx]',
      '',
      '  --sections     只起草所列段落（NT-01…NT-13、NT-ZS-P/D/R）',
      '  --set A|B      标题体例：A 河南式，B 山西式',
      '  --style        金额写法：plain 不分节，grouped 千分位',
      '  --zeros        列出零值项目',
      '  --list-slots   列出草稿中待填写的每一项（编号与名称），不起草',
      '  --fill 文件    用 JSON 文件 {"编号或名称": "值"} 填写待填写项；金额可带单位（22000.00万元、22,000）',
      '  --out 副本.xlsx  把草稿写入副本的新工作表（原文件不改动）；不给则打印草稿',
      '  --force        副本已存在时替换它（默认不覆盖）',
    ],
  },
  template: {
    run: async () => (await import('./template')).runTemplate,
    summary: '写出空白模板：juesuan template <模板编号或名称> [--variant 版式] -o <输出.xlsx>；--list 列出模板',
    help: [
      '用法：juesuan template <模板> [--variant 版式] [--year 年份] [--department 单位] -o <输出.xlsx>',
      '      juesuan template --list',
      '',
      '  <模板>     模板编号（income-expenditure-summary）、表名（收入支出决算总表、项目支出绩效自评表）',
      '             或公开表号（公开01；不同版式含义不同时须同时给出 --variant）；gongkai 写出某版式的全部公开表',
      '  --variant  版式，如 henan-2021、shanxi-2024、shanxi-2022、national-2020、shanxi',
      '  --list     列出全部模板与版式',
      '  --force    输出文件已存在时替换它（默认不覆盖）',
    ],
  },
  fix: {
    run: async () => (await import('./fix')).runFix,
    summary: '写出更正副本（自评表的执行率、得分等重算值；公开表的舍位平衡）：juesuan fix <输入.xlsx> -o <输出.xlsx>',
    help: [
      '用法：juesuan fix <输入.xlsx> -o <输出.xlsx> [--force]（-o 也可写作 --out）',
      '',
      '  写出更正副本：绩效自评表的执行率、得分、结余、总分、等级改为重算值；公开表的尾数误差按舍位平衡建议改动一个单元格。',
      '  改动的单元格标绿并加批注，清单见“校验更正清单”工作表；原文件不改动。输出文件已存在时不覆盖，加 --force 才替换。',
    ],
  },
  rules: {
    run: async () => (await import('./rules')).runRules,
    summary: '列出全部审核规则（编号、公式、强制或提示）：juesuan rules [--format text|json|markdown]',
    help: [
      '用法：juesuan rules [--format text|json|markdown]',
      '',
      '  列出每一条审核规则：编号、名称、公式（表、行次、栏次）、类别（强制：可报错误；提示：只报尾数误差、提示或说明）、',
      '  可能的结果及其判定、提示语、是否给出更正和规范依据。',
      '  --format  text 中文表格（默认）；json 供程序读取；markdown 即 docs/rules.md',
    ],
  },
};

export const USAGE = [
  '用法：juesuan <命令> [参数]',
  '',
  '命令：',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`),
  '',
  '输出文件已存在时不覆盖，加 --force 才替换（写出过程不会损坏已有文件）。',
  '退出码：0 无错误；1 至少一处错误；2 有输入文件未能读取或审核（找不到、不是 .xlsx、超出读取上限、已损坏、超时、未识别出表格），或参数有误。',
].join('\n');

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`juesuan：未知命令“${name}”\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help.join('\n') + '\n');
    return 0;
  }
  try {
    return await (await command.run())(rest, io);
  } catch (e) {
    // A crash is a bug, but the accountant still gets one Chinese line, not a stack trace.
    io.err(`juesuan：内部错误，未能完成（${e instanceof Error ? e.message : String(e)}）\n`);
    if (process.env.JUESUAN_DEBUG) io.err(String(e instanceof Error ? e.stack : e) + '\n');
    return 2;
  }
}

function defaultIO(): CliIO {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
}
