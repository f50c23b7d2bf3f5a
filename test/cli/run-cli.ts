/** What the CLI tests share: running `juesuan` in-process with its output captured, and the two Shanxi workbooks. */
import fs from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { gridToXlsx } from '../helpers';
import { setNumber, shanxiWorkbook } from '../gongkai/shanxi-builder';

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Writes the Shanxi 2024 workbook into `dir` as it is (`clean`) and with one wrong 公开05 cell (`broken`). */
export async function writeCleanAndBroken(dir: string): Promise<{ clean: string; broken: string }> {
  const clean = path.join(dir, '山西2024决算.xlsx');
  fs.writeFileSync(clean, await gridToXlsx(shanxiWorkbook('s24')));
  const wb = shanxiWorkbook('s24');
  setNumber(wb, '公开05表', 'C12', 510);
  const broken = path.join(dir, '有错误.xlsx');
  fs.writeFileSync(broken, await gridToXlsx(wb));
  return { clean, broken };
}
