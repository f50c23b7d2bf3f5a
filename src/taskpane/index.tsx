/* global Office, Excel */
/**
 * Entry point: waits for Office.onReady, then renders the pane over the Office.js host. Outside Office (host null)
 * it opens the browser playground (src/playground). Every failure ends in a visible Chinese message, never a blank pane.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { MarkedElsewhere } from './components/MarkedElsewhere';
import { Shell, rootElement, showMessage } from './shell';
import { ExcelHost } from '../excel/excel-host';

declare global {
  interface Window {
    __JUESUAN_UNSUPPORTED__?: string[];
  }
}

function fileNameFromUrl(url: string | undefined): string {
  if (!url) return '当前工作簿';
  const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? '');
  return last || '当前工作簿';
}

async function boot() {
  if (window.__JUESUAN_UNSUPPORTED__) return; // guard.js already shows the message
  if (typeof Office === 'undefined') {
    showMessage('无法加载 Office 脚本', '未能加载 office.js。请检查加载项服务器地址是否可以访问，然后重新打开窗格。');
    return;
  }
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) {
    const host = new ExcelHost({
      run: (batch) => Excel.run(batch),
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
      fileName: fileNameFromUrl(Office.context.document?.url),
    });
    createRoot(rootElement()).render(
      <Shell>
        <MarkedElsewhere host={host} />
        <App host={host} />
      </Shell>,
    );
    return;
  }
  if (!info.host) {
    // Outside Office nothing may leave this origin: office.js would otherwise open its telemetry frame after 3 s.
    const csp = document.createElement('meta');
    csp.httpEquiv = 'Content-Security-Policy';
    csp.content = "frame-src 'self' blob:; connect-src 'self' blob: data:";
    document.head.appendChild(csp);
    // A plain browser: the playground, loaded on demand so the add-in never downloads exceljs.
    const { mountPlayground } = await import(/* webpackChunkName: "playground" */ '../playground/Playground');
    mountPlayground(rootElement());
    return;
  }
  showMessage('请在 Excel 中打开', '决算校验助手是 Excel 加载项：请在 Excel（2021、2024、Microsoft 365 或网页版）的“开始”选项卡点击“决算校验 › 审核工作簿”。');
}

window.addEventListener('error', (e) => {
  const root = rootElement();
  if (!root.querySelector('main')) root.textContent = `决算校验助手出错：${e.message}`;
});

boot().catch((e) => showMessage('出错了', e instanceof Error ? e.message : String(e)));
