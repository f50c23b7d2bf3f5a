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
