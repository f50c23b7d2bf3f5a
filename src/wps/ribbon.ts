/// <reference types="et-jsapi-declare" />
/**
 * The WPS 加载项's main page script (index.html at the add-in's address): WPS loads it at start-up and calls the
 * functions ribbon.xml names — `ribbon.OnAddinLoad`, `ribbon.OnAction`, `ribbon.GetImage` — on `window.ribbon`, as
 * Kingsoft's wpsjs templates do. The one button, 开始 › 决算校验 › 审核工作簿, opens the pane (taskpane.html beside
 * this page) or shows/hides it when it is already open.
 */
import { WpsAddonRoot } from './wps-api';
import { CHECK_BUTTON, togglePane } from './pane-toggle';

function addon(): WpsAddonRoot | null {
  const app = window.Application;
  return typeof app === 'object' && app !== null && 'CreateTaskPane' in app ? app : null;
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: { Id: string }): void {
    const root = addon();
    if (control.Id === CHECK_BUTTON && root) togglePane(root, document.baseURI);
  },
  GetImage(): string {
    return 'images/check.png';
  },
};

declare global {
  interface Window {
    ribbon?: typeof ribbon;
  }
}

window.ribbon = ribbon;
