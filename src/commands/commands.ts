/* global Office */
/** The manifest's FunctionFile: the ribbon button only opens the pane (ShowTaskpane), so nothing is registered. */
Office.onReady(() => undefined);
