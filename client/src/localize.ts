/**
 * The message formatter the pure (vscode-free) client modules take as a parameter.
 * In the extension it is `vscode.l10n.t`; in unit tests it is `formatMessage` (English).
 */
export type Localize = (message: string, ...args: Array<string | number | boolean>) => string;

/** Substitutes `{0}`, `{1}`… like `vscode.l10n.t` does for the default (English) bundle. */
export const formatMessage: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
