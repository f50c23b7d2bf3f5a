/**
 * Output files of the CLI (`fix -o`, `check --annotate`, `draft --out`, `template -o`): the path is checked before
 * any work, the bytes go to a temporary name in the same folder, are flushed, and only then take the output's name —
 * so a full disk or a crash never leaves a truncated workbook, and an existing file is never replaced unless the
 * user says `--force` (then atomically too).
 */
import fs from 'fs';
import path from 'path';

/** A path problem or a failed write, as one Chinese sentence. */
export class OutputError extends Error {}

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

function exists(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Checks that a folder exists and can be written into. */
export function checkFolder(folder: string): void {
  const stat = exists(folder);
  if (!stat) throw new OutputError(`输出文件夹“${folder}”不存在`);
  if (!stat.isDirectory()) throw new OutputError(`“${folder}”不是文件夹`);
  try {
    fs.accessSync(folder, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new OutputError(`无法写入输出文件夹“${folder}”（没有写入权限）`);
  }
}

/** Checks an output path before any work: its folder is writable, it is not a folder, not an input, not taken. */
export function checkOutput(output: string, inputs: string[], force: boolean): void {
  checkFolder(path.dirname(path.resolve(output)));
  for (const input of inputs) {
    if (wouldOverwrite(output, input)) throw new OutputError(`输出文件“${output}”不能与输入文件相同（不修改原文件）`);
  }
  const stat = exists(output);
  if (!stat) {
    // A dangling link would be written through: refuse it like an existing file.
    try {
      fs.lstatSync(output);
    } catch {
      return;
    }
  }
  if (stat?.isDirectory()) throw new OutputError(`输出“${output}”是一个文件夹，请给出文件名`);
  if (stat && !stat.isFile()) throw new OutputError(`输出“${output}”不是普通文件，不写入`);
  if (!force) throw new OutputError(`“${output}”已存在，未覆盖；请换一个文件名，或加 --force 覆盖`);
}

/** A name in the output's folder that no folder run picks up (not *.xlsx, not ~$*), unique to this process. */
function tempName(output: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}-${random}.juesuan-tmp`);
}

function failure(output: string, e: unknown): OutputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (e instanceof OutputError) return e;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new OutputError(`磁盘空间不足，未能写出“${output}”（已有文件未改动）`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new OutputError(`没有权限写入“${output}”，未写出（已有文件未改动）`);
  if (code === 'EEXIST') return new OutputError(`“${output}”已存在，未覆盖；请换一个文件名，或加 --force 覆盖`);
  return new OutputError(`未能写出“${output}”（${code ?? (e instanceof Error ? e.message : String(e))}；已有文件未改动）`);
}

/**
 * Writes `bytes` to `output` atomically: temp file, flush, then a link (never replaces an existing file) or, with
 * `force`, a rename (replaces it in one step). On any failure the temp file is removed and nothing else changed.
 */
export function writeOutput(output: string, bytes: Uint8Array, force: boolean): void {
  const temp = tempName(output);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (force) {
      fs.renameSync(temp, output);
    } else {
      try {
        // link() fails with EEXIST when the name is taken: no window in which another file could be replaced.
        fs.linkSync(temp, output);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw e;
        // Some file systems (FAT, some network shares) have no hard links: check, then rename.
        if (exists(output)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        fs.renameSync(temp, output);
      }
      fs.rmSync(temp, { force: true });
    }
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the temp file is removed below
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more to do: the output itself was never touched
    }
    throw failure(output, e);
  }
}
