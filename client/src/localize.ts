/**
 * The message formatter the pure (vscode-free) client modules take as a parameter: `vscode.l10n.t` in
 * the extension, `formatMessage` (English) in unit tests. Defined in shared/src/l10n.ts.
 */
export { formatMessage, plural, type Localize } from '../../shared/src/l10n';
