/**
 * The folder run's worker pool: one worker per core, reused from file to file. A worker that crashes, runs out of
 * memory or passes the per-file timeout is ended and replaced; its file gets its one-line error and the run goes on.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import type { FileOutcome } from './check-file';
import type { TemplateId } from '../core/findings';

export interface PoolOptions {
  /** Workers to run at once (default: one per core, never more than files). */
  size?: number;
  timeoutMs: number;
  /** Called as each file finishes, in the order they finish. */
  onDone?: (outcome: FileOutcome) => void;
  /** 指定表类型 (`--template`), sent with every file. */
  templates?: ReadonlyMap<string, TemplateId>;
  /** Starts a worker (tests give one that hangs or crashes on purpose). */
  spawn?: () => Worker;
}

/** Per worker heap ceiling: a workbook that needs more fails its own worker with a message, not the whole run. */
const WORKER_HEAP_MB = 4096;

/** The compiled worker; from the TypeScript sources (the tests) the worker transpiles its modules as it loads them. */
export function spawnCheckWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const compiled = path.join(__dirname, 'check-worker.js');
  if (fs.existsSync(compiled)) return new Worker(compiled, options);
  const source = path.join(__dirname, 'check-worker.ts');
  const loader = `
    const fs = require('fs');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (m, f) => m._compile(ts.transpileModule(fs.readFileSync(f, 'utf8'),
      { fileName: f, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true } }).outputText, f);
    require(${JSON.stringify(source)});`;
  return new Worker(loader, { ...options, eval: true });
}

export function defaultPoolSize(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * Checks `files` in the pool; resolves with one outcome per file in the given order. Files the pool could not start
 * any worker for are left undefined, for the caller to check in its own thread.
 */
export function checkFilesInPool(files: string[], options: PoolOptions): Promise<(FileOutcome | undefined)[]> {
  const spawn = options.spawn ?? spawnCheckWorker;
  const size = Math.max(1, Math.min(options.size ?? defaultPoolSize(), files.length));
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  let next = 0;
  let running = 0;
  return new Promise((resolve) => {
    const settle = (index: number, outcome: FileOutcome) => {
      outcomes[index] = outcome;
      options.onDone?.(outcome);
    };
    const maybeEnd = () => {
      if (running === 0) resolve(outcomes);
    };
    const start = () => {
      if (next >= files.length) return maybeEnd();
      running++;
      let worker: Worker;
      try {
        worker = spawn();
      } catch {
        running--;
        next = files.length; // no worker can start: the caller checks the rest itself
        return maybeEnd();
      }
      let ready = false;
      let retired = false;
      let current: { index: number; timer: ReturnType<typeof setTimeout> } | undefined;
      const retire = (replace: boolean) => {
        if (retired) return;
        retired = true;
        if (current) clearTimeout(current.timer);
        current = undefined;
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker.terminate();
        running--;
        if (replace) start();
        else maybeEnd();
      };
      const give = () => {
        if (next >= files.length) return retire(false);
        const index = next++;
        const timer = setTimeout(() => {
          settle(index, {
            file: files[index],
            error: `${files[index]}：审核超过 ${options.timeoutMs / 1000} 秒仍未完成，已停止；可用 --timeout 秒数 放宽时限`,
            errorKind: 'timeout',
          });
          current = undefined;
          retire(true);
        }, options.timeoutMs);
        current = { index, timer };
        worker.postMessage({ file: files[index], templates: [...(options.templates ?? new Map())] });
      };
      const failed = (why: string, outOfMemory: boolean) => {
        if (!ready) {
          // The worker never started: no file is blamed; the rest are left to the caller's own thread.
          next = files.length;
          return retire(false);
        }
        if (current) {
          const file = files[current.index];
          settle(current.index, {
            file,
            error: outOfMemory ? `${file}：读取时内存不足，未审核；请删除不需要的工作表或拆分工作簿` : `${file}：读取时出错，未审核（${why}）`,
            errorKind: outOfMemory ? 'refused' : 'unreadable',
          });
        }
        retire(true);
      };
      worker.on('message', (message: FileOutcome | 'ready') => {
        if (message === 'ready') {
          ready = true;
          return give();
        }
        if (!current) return;
        clearTimeout(current.timer);
        settle(current.index, message);
        current = undefined;
        give();
      });
      worker.on('error', (e: Error & { code?: string }) => failed(e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      worker.on('exit', (code) => failed(`工作线程意外退出，代码 ${code}`, false));
    };
    for (let i = 0; i < size; i++) start();
  });
}
