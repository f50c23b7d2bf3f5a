/** The ribbon button's one action, apart from the page that registers the callbacks so it can be tested in node. */
import { WpsAddonRoot } from './wps-api';

const PANE_ID_KEY = 'juesuan_taskpane_id';
export const CHECK_BUTTON = 'btnJuesuanCheck';

/** The pane's address, next to this page whatever the intranet address is. */
export function paneUrl(base: string): string {
  return new URL('taskpane.html', base).href;
}

export function togglePane(root: WpsAddonRoot, base: string): void {
  const id = root.PluginStorage.getItem(PANE_ID_KEY);
  if (id) {
    const pane = root.GetTaskPane(Number(id));
    if (pane) {
      pane.Visible = !pane.Visible;
      return;
    }
  }
  const pane = root.CreateTaskPane(paneUrl(base), '决算校验助手');
  root.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
}

