/**
 * What every pane entry (Excel, WPS, 网页版) wraps the pane in, and the message shown instead of the pane when it
 * cannot run: a visible Chinese message, never a blank pane.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from './components/App';

export function rootElement(): HTMLElement {
  return document.getElementById('root') ?? document.body;
}

export function Shell({ children }: { children: React.ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </FluentProvider>
  );
}

export function showMessage(title: string, text: string) {
  createRoot(rootElement()).render(
    <Shell>
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </Shell>,
  );
}
