/**
 * The 网页版: the browser playground as a page of its own (web.html), deployed with the add-in from the same
 * intranet build for every desk without a supported Excel or WPS. No office.js, no network: the workbook is read,
 * checked and annotated in the page and downloaded again.
 */
import { mountPlayground } from './Playground';

declare global {
  interface Window {
    __JUESUAN_UNSUPPORTED__?: string[];
  }
}

// In IE or 360's 兼容模式 guard.js has already said which browsers the page needs.
if (!window.__JUESUAN_UNSUPPORTED__) mountPlayground(document.getElementById('root') ?? document.body, { web: true });
