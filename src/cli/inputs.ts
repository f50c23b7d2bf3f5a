/** Shared argument handling for the CLI commands: expanding folders, reading workbooks, option parsing. */
import fs from 'fs';
import { parseArgs as nodeParseArgs } from 'util';
import path from 'path';
import { WorkbookGrid } from '../core/grid';
import { READING_LIMITS } from '../host/package-scan';
import { ReadErrorKind, WorkbookReadError } from '../host/read-error';
import { readXlsx } from '../host/xlsx-read';
import { OutputError } from './output';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
  /** Every value of a repeatable option, in order. */
  lists: Map<string, string[]>;
}

/**
 * Parses `--name value`, `--name=value`, `-o value` and `--flag` with Node's util.parseArgs (`--` ends the options:
 * what follows is a file even when it starts with `-`); `valued` lists the options that take a value, `repeatable`
 * those that may be given more than once. Its English errors become one Chinese line.
 */
export function parseArgs(args: string[], valued: string[], flags: string[] = [], repeatable: string[] = []): ParsedArgs | string {
  const spec: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  const nameOf = new Map<string, string>();
  const declare = (name: string, type: 'string' | 'boolean', multiple = false) => {
    const key = name.replace(/^-+/, '');
    spec[key] = { type, ...(/^-[^-]$/.test(name) ? { short: key } : {}), ...(multiple ? { multiple } : {}) };
    nameOf.set(key, name);
  };
  for (const name of valued) declare(name, 'string');
  for (const name of flags) declare(name, 'boolean');
  for (const name of repeatable) declare(name, 'string', true);
  try {
    const { values, positionals } = nodeParseArgs({ args, options: spec, allowPositionals: true, strict: true });
    const options = new Map<string, string | true>();
    const lists = new Map<string, string[]>();
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === false) continue;
      if (Array.isArray(value)) lists.set(nameOf.get(key)!, value.map(String));
      else options.set(nameOf.get(key)!, value === true ? true : String(value));
    }
    return { positional: positionals, options, lists };
  } catch (e) {
    return argumentError(e, args);
  }
}

/** util.parseArgs' errors, said in Chinese with the option as the user typed it. */
function argumentError(e: unknown, args: string[]): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'(-[^',\s]*)/.exec(message)?.[1] ?? '';
  const typed = args.find((a) => a === quoted || a.startsWith(`${quoted}=`)) ?? quoted;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知参数“${typed}”（若是以 - 开头的文件名，请写在 -- 之后）`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `参数 ${quoted} 不带值`;
    if (/ambiguous/.test(message)) return `参数 ${quoted} 的值以 - 开头；如确是该值，请写成 ${quoted}=值`;
    return `参数 ${quoted} 需要一个值`;
  }
  return `参数有误：${message}`;
}

/** One input of a run: a workbook to read, or a path already known to be a problem (listed, never dropped). */
export interface InputEntry {
  /** The path as the user gave it; inside a named folder, the folder as given joined with the path inside it. */
  file: string;
  problem?: { kind: ReadErrorKind; message: string };
}

/** Spreadsheet files a folder run cannot read but must not skip silently: the line tells how to make an .xlsx. */
const NOT_XLSX: { test: RegExp; message: string }[] = [
  { test: /\.xls$/i, message: '旧版 .xls 文件，未审核；请在 Excel 中另存为 .xlsx 后再审核' },
  { test: /\.et$/i, message: 'WPS .et 文件，未审核；请在 WPS 中另存为 .xlsx 后再审核' },
  { test: /\.xlsm$/i, message: '启用宏的 .xlsm 工作簿，未审核；请在 Excel 中另存为 .xlsx 后再审核' },
  { test: /\.csv$/i, message: 'CSV 文本文件，未审核；请在 Excel 或 WPS 中另存为 .xlsx 后再审核' },
];

function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return '命名管道';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '设备';
  if (stat.isSocket()) return '套接字';
  return '特殊文件';
}

/** A path that is not a regular file is refused by its type before anything opens it (a pipe would block forever). */
function notRegular(file: string, stat: fs.Stats): InputEntry {
  return { file, problem: { kind: 'refused', message: `${file}：这是${fileKind(stat)}，不是普通文件，未打开` } };
}

/**
 * Files named directly, and inside named folders (sorted, recursive) every .xlsx plus every .xls/.et/.xlsm/.csv as
 * a listed problem; Office lock files `~$` and our own temporary files are skipped. A missing input, an unreadable
 * folder and a pipe or device are entries with their problem, so the run reports them and goes on.
 */
export function expandInputs(inputs: string[]): InputEntry[] {
  const out: InputEntry[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.push(code === 'ENOENT' || code === 'ENOTDIR'
        ? { file: input, problem: { kind: 'missing', message: `${input}：找不到文件或文件夹` } }
        : { file: input, problem: { kind: 'unreadable', message: `${input}：无法访问（${code}）` } });
      continue;
    }
    if (stat.isDirectory()) out.push(...listFolder(input));
    else if (stat.isFile()) out.push({ file: input });
    else out.push(notRegular(input, stat));
  }
  return out;
}

function listFolder(dir: string): InputEntry[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    return [{ file: dir, problem: { kind: 'unreadable', message: `${dir}：无法读取文件夹（${(e as NodeJS.ErrnoException).code ?? String(e)}），已跳过` } }];
  }
  const out: InputEntry[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('~$') || entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      out.push(...listFolder(full));
      continue;
    }
    const notXlsx = NOT_XLSX.find((n) => n.test.test(entry.name));
    if (notXlsx) {
      out.push({ file: full, problem: { kind: 'not-xlsx', message: `${full}：${notXlsx.message}` } });
      continue;
    }
    if (!/\.xlsx$/i.test(entry.name)) continue;
    // The type of what a name (or a link) points to, before opening it.
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (e) {
      out.push({ file: full, problem: { kind: 'unreadable', message: `${full}：无法访问（${(e as NodeJS.ErrnoException).code ?? String(e)}）` } });
      continue;
    }
    if (stat.isDirectory()) continue;
    out.push(stat.isFile() ? { file: full } : notRegular(full, stat));
  }
  return out;
}

/** Largest input file read; past it the reader would exhaust memory before saying anything useful. */
export const MAX_FILE_BYTES = READING_LIMITS.fileBytes;

/**
 * Reads a workbook file. It is opened without blocking and its type checked on the open descriptor, so a name
 * swapped for a pipe or a device after the folder was listed is still refused, never read from forever.
 */
export async function loadWorkbook(file: string): Promise<WorkbookGrid> {
  const bytes = readInputBytes(file);
  return readXlsx(bytes, file);
}

/** The bytes of an input file, opened and checked as loadWorkbook does (the writers read their input through it). */
export function readInputBytes(file: string): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError(`${file}：找不到文件`, 'missing');
    throw new WorkbookReadError(`${file}：无法打开文件（${code ?? String(e)}）`, 'unreadable');
  }
  let bytes: Buffer;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new WorkbookReadError(notRegular(file, stat).problem!.message, 'refused');
    if (stat.size > MAX_FILE_BYTES) {
      throw new WorkbookReadError(`${file}：文件有 ${(stat.size / 1048576).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1048576} MB 的上限，未读取；请删除不需要的工作表或拆分工作簿`, 'refused');
    }
    bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`${file}：读取文件失败（${(e as NodeJS.ErrnoException).code ?? String(e)}）`, 'unreadable');
  } finally {
    fs.closeSync(fd);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function errorMessage(e: unknown): string {
  if (e instanceof WorkbookReadError || e instanceof OutputError) return e.message;
  return `读取失败：${e instanceof Error ? e.message : String(e)}`;
}

export function errorKind(e: unknown): ReadErrorKind {
  return e instanceof WorkbookReadError ? e.kind : 'unreadable';
}

export { wouldOverwrite } from './output';
