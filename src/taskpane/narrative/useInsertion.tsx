import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import * as React from 'react';

type Outcome = { intent: 'success' | 'error'; text: string };

/**
 * One insertion at a time (buttons disabled while it runs) and its outcome as a message bar: the draft panel and
 * the template gallery insert the same way.
 */
export function useInsertion(): { busy: boolean; outcome: JSX.Element | null; run: (insert: () => Promise<string | null>) => Promise<void> } {
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Outcome | null>(null);
  const run = async (insert: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await insert();
      if (done) setMessage({ intent: 'success', text: done });
    } catch (e) {
      setMessage({ intent: 'error', text: `插入失败：${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };
  const outcome = message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>;
  return { busy, outcome, run };
}
