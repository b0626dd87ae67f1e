/**
 * The flow-graph webview's HTML: a strict Content-Security-Policy (`default-src 'none'`, the one
 * script allowed by nonce, styles only from the extension's files), no inline script or style.
 * Pure (no vscode import), so the policy is unit-tested.
 */
import { randomBytes } from 'node:crypto';

export interface FlowHtmlInput {
  /** `webview.cspSource`: where the extension's own files are served from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** `vscode.env.language`, e.g. `zh-cn`. */
  lang: string;
  title: string;
}

/** A fresh nonce for each HTML document (base64 of 16 random bytes). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `font-src ${cspSource}`, `img-src ${cspSource} data:`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function flowGraphHtml(i: FlowHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(i.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(i.cspSource, i.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(i.styleUri)}">
<title>${escapeHtml(i.title)}</title>
</head>
<body>
<div id="toolbar"></div>
<main id="graphs"></main>
<script nonce="${escapeHtml(i.nonce)}" src="${escapeHtml(i.scriptUri)}"></script>
</body>
</html>
`;
}
