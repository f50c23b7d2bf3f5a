/**
 * Says when the workbook carries marks another host wrote (Excel ↔ WPS): each keeps its own journal, so this pane's
 * 清除标记 cannot restore those. Asked once when the pane opens and again after each check.
 */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Host } from '../../host/host';

export const MarkedElsewhere: React.FC<{ host: Host; refresh?: unknown }> = ({ host, refresh }) => {
  const [text, setText] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    host
      .markedElsewhere?.()
      .then((t) => live && setText(t))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host, refresh]);
  if (!text) return null;
  return (
    <MessageBar intent="warning" data-testid="marked-elsewhere">
      <MessageBarBody>
        <MessageBarTitle>另一处的标记</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
};
