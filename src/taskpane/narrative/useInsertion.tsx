import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import * as React from 'react';

type Outcome = { intent: 'success' | 'error'; text: string };

/** Where an insertion's outcome goes: the pane's one notice area. */
export type Notify = (intent: 'success' | 'error', text: string) => void;

/**
 * One insertion at a time (buttons disabled while it runs) and its outcome: told to the pane's notice area when a
 * `notify` is given (one message, once), else shown as the component's own message bar.
 */
export function useInsertion(notify?: Notify): { busy: boolean; outcome: JSX.Element | null; run: (insert: () => Promise<string | null>) => Promise<void> } {
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Outcome | null>(null);
  const tell = (o: Outcome) => (notify ? notify(o.intent, o.text) : setMessage(o));
  const run = async (insert: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await insert();
      if (done) tell({ intent: 'success', text: done });
    } catch (e) {
      tell({ intent: 'error', text: `插入失败：${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };
  const outcome = message && <MessageBar intent={message.intent} layout="multiline"><MessageBarBody>{message.text}</MessageBarBody></MessageBar>;
  return { busy, outcome, run };
}
