/** Shared argument handling for the CLI commands: expanding folders, reading workbooks, option parsing. */
import fs from 'fs';
import path from 'path';
import { WorkbookGrid } from '../core/grid';
import { readXlsx, WorkbookReadError } from '../host/xlsx-read';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** Parses `--name value` and `--flag`; `valued` lists the options that take a value. */
export function parseArgs(args: string[], valued: string[], flags: string[] = []): ParsedArgs | string {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a !== '-') {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (valued.includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) return `参数 ${name} 需要一个值`;
        options.set(name, value);
      } else if (flags.includes(name)) {
        options.set(name, true);
      } else {
        return `未知参数“${a}”`;
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

/** Files named directly, and every .xlsx inside named folders (sorted, recursive; Office lock files `~$` skipped). */
export function expandInputs(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) files.push(...listWorkbooks(input));
    else files.push(input);
  }
  return { files, missing };
}

function listWorkbooks(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listWorkbooks(full));
    else if (/\.xlsx$/i.test(entry.name) && !entry.name.startsWith('~$')) out.push(full);
  }
  return out;
}

/** Largest input file read; past it the reader would exhaust memory before saying anything useful. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export async function loadWorkbook(file: string): Promise<WorkbookGrid> {
  const name = path.basename(file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new WorkbookReadError(`${name}：找不到文件`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new WorkbookReadError(`${name}：文件有 ${(size / 1048576).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1048576} MB 的上限，未读取`);
  }
  const bytes = fs.readFileSync(file);
  return readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}

export function errorMessage(e: unknown): string {
  if (e instanceof WorkbookReadError) return e.message;
  return `读取失败：${e instanceof Error ? e.message : String(e)}`;
}

/**
 * Whether writing to `output` would overwrite `input` — also through a symbolic or hard link, which a plain path
 * comparison misses; the CLI never modifies its input.
 */
export function wouldOverwrite(output: string, input: string): boolean {
  if (path.resolve(output) === path.resolve(input)) return true;
  try {
    const a = fs.statSync(output);
    const b = fs.statSync(input);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}
