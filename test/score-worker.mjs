/**
 * The scorer's thread: imports test/fixtures/score.mjs as the ES module it is and answers scoreOutput calls from
 * test/helpers.ts. A worker thread, because jest's CommonJS sandbox cannot import an .mjs file without a Node flag,
 * and one thread for the whole test file instead of a process per call.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scoreOutput } from './fixtures/score.mjs';

const { port, signal } = workerData;
const flag = new Int32Array(signal);

port.on('message', ({ truth, output, argv }) => {
  let reply;
  try {
    reply = { result: scoreOutput(truth, output, argv) };
  } catch (error) {
    reply = { error: String(error && error.message ? error.message : error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
parentPort?.postMessage('ready');
