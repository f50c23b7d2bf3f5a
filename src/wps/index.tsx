/// <reference types="et-jsapi-declare" />
/**
 * The pane in WPS 表格: the same React pane as in Excel, over the WPS host. Opened by the ribbon button in a WPS task
 * pane (ribbon.ts); anywhere without WPS's `Application` — an old WPS, a plain browser — it shows a Chinese message
 * naming the supported versions and the 网页版, never a blank pane.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { App } from '../taskpane/components/App';
import { MarkedElsewhere } from '../taskpane/components/MarkedElsewhere';
import { Shell, rootElement, showMessage } from '../taskpane/shell';
import { WpsApplication } from './wps-api';
import { WpsHost } from './wps-host';

declare const __WEB_URL__: string;

declare global {
  interface Window {
    __JUESUAN_UNSUPPORTED__?: string[];
  }
}

export const SUPPORTED_WPS = 'WPS Office 2019 专业版/政务版（11.1 及以上，Windows 与国产 Linux）或 WPS Office 个人版 12.1.0.16910 及以上';

function wpsApplication(): WpsApplication | null {
  const app = window.Application;
  return typeof app === 'object' && app !== null && 'ActiveWorkbook' in app && 'ScreenUpdating' in app ? app : null;
}

const WpsNote: React.FC = () => (
  <MessageBar intent="info" data-testid="wps-note">
    <MessageBarBody>
      WPS 表格中，问题写成单元格批注；加载项写入的内容请用“清除标记”恢复（Ctrl+Z 不一定能撤销加载项的写入）。WPS 中没有“下载标注工作簿”：标记直接写在打开的工作簿里，保存即可。
    </MessageBarBody>
  </MessageBar>
);

const WpsPane: React.FC<{ host: WpsHost }> = ({ host }) => {
  const [checks, setChecks] = React.useState(0);
  return (
    <>
      <WpsNote />
      <MarkedElsewhere host={host} refresh={checks} />
      <App host={host} onChanged={() => setChecks((n) => n + 1)} />
    </>
  );
};

function boot() {
  if (window.__JUESUAN_UNSUPPORTED__) return; // guard.js already shows the message
  const app = wpsApplication();
  if (!app) {
    showMessage(
      '请在 WPS 表格中打开',
      `这是决算校验助手的 WPS 加载项窗格，需要 ${SUPPORTED_WPS}，从“开始”选项卡的“决算校验 › 审核工作簿”打开。当前环境没有 WPS 加载项接口（可能是较旧的 WPS 版本）。也可以用 Chrome/Edge 浏览器打开网页版 ${__WEB_URL__}，拖入工作簿即可审核并下载标注副本。`,
    );
    return;
  }
  createRoot(rootElement()).render(
    <Shell>
      <WpsPane host={new WpsHost(app)} />
    </Shell>,
  );
}

window.addEventListener('error', (e) => {
  const root = rootElement();
  if (!root.querySelector('main')) root.textContent = `决算校验助手出错：${e.message}`;
});

try {
  boot();
} catch (e) {
  showMessage('出错了', e instanceof Error ? e.message : String(e));
}
