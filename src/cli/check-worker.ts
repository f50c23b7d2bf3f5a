/** A pool worker of `juesuan check`: checks the files it is sent, one at a time, and says when it is ready. */
import { parentPort } from 'worker_threads';
import { checkFile } from './check-file';

if (parentPort) {
  const port = parentPort;
  port.on('message', async (message: { file: string }) => port.postMessage(await checkFile(message.file)));
  port.postMessage('ready');
}
