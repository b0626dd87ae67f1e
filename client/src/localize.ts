/**
 * The message formatter the pure (vscode-free) client modules take as a parameter.
 * In the extension it is `vscode.l10n.t`; in unit tests it is `formatMessage` (English).
 */
export { formatMessage, type Localize } from '../../shared/src/runner/payloadJson';
