/** A pool worker of `juesuan check`: checks the files it is sent, one at a time, and says when it is ready. */
import { parentPort } from 'worker_threads';
import type { TemplateId } from '../core/findings';
import { checkFile } from './check-file';

if (parentPort) {
  const port = parentPort;
  port.on('message', async (message: { file: string; templates?: [string, TemplateId][] }) =>
    port.postMessage(await checkFile(message.file, new Map(message.templates ?? []))),
  );
  port.postMessage('ready');
}
