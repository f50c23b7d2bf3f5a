/** What every jsdom pane test needs before rendering Fluent. Import it first. */
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver; Fluent's MessageBar uses one for reflow.
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// waitFor/findBy give up after 1 s by default: on a loaded CI machine a full check in jsdom can take
// longer than that, and a test that fails for slowness says nothing about the pane. Hangs still fail.
configure({ asyncUtilTimeout: 20_000 });

// jsdom's crypto has no SubtleCrypto; the pane signs its journal with WebCrypto (src/host/journal-seal.ts), which
// browsers and Node have, so the pane tests get Node's implementation of the same API.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.assign(globalThis, { TextEncoder: require('util').TextEncoder });
}
if (!globalThis.crypto?.subtle) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.defineProperty(globalThis, 'crypto', { value: require('crypto').webcrypto, configurable: true });
}
// jsdom has no TextDecoder either, which every browser the playground runs in has; the .xlsx reader's pre-scan
// decodes with it (the tests read their fixtures through it).
if (typeof globalThis.TextDecoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.assign(globalThis, { TextDecoder: require('util').TextDecoder });
}
