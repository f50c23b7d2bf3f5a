/**
 * `juesuan` — the command-line front end. It only parses arguments, calls the engine through the .xlsx host and
 * prints; it never modifies an input file.
 */
import { runCheck } from './check';

export type Command = (args: string[], io: CliIO) => Promise<number>;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

const COMMANDS: Record<string, { run: () => Promise<Command>; summary: string }> = {
  check: { run: async () => runCheck, summary: '审核工作簿：juesuan check <文件或文件夹…> [--format text|json] [--annotate 输出.xlsx]' },
  draft: { run: async () => (await import('./draft')).runDraft, summary: '起草第三部分情况说明：juesuan draft <文件.xlsx> [--sections NT-01,NT-05] [--set A|B] [--out 副本.xlsx]' },
  template: { run: async () => (await import('./template')).runTemplate, summary: '写出空白模板：juesuan template <模板编号> [--variant 版式] -o <输出.xlsx>；--list 列出模板' },
  fix: { run: async () => (await import('./fix')).runFix, summary: '写出更正副本（绩效自评表的执行率、得分、结余、总分、等级）：juesuan fix <输入.xlsx> -o <输出.xlsx>' },
};

export const USAGE = [
  '用法：juesuan <命令> [参数]',
  '',
  '命令：',
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`),
  '',
  '退出码：0 无错误；1 至少一处错误；2 输入无法读取或参数有误。',
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
