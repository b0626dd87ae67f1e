// Problems as comparable lines ("file line:col-endLine:endCol severity code message", 1-based), from
// `dist/cli.js check --format json` output and from what a server published, and their difference.

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Lines of a `check --format json` result. */
export function problemLines(cliJson, root) {
  return (cliJson.problems ?? []).map((p) => `${p.absolutePath.slice(root.length + 1)} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.severity} ${p.code} ${p.message}`).sort();
}

/** Lines of the diagnostics an LspSession (bench/lsp-client.mjs) holds. */
export function serverProblemLines(session, root) {
  const out = [];
  for (const [path, { diagnostics }] of session.diagnostics) {
    for (const d of diagnostics) {
      out.push(`${path.slice(root.length + 1)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity]} ${d.code} ${d.message}`);
    }
  }
  return out.sort();
}

/** Equal lines, lines only the server has (stale) and lines only the fresh check has (missing). */
export function compareProblems(got, want) {
  const w = new Map(), g = new Map();
  for (const l of want) w.set(l, (w.get(l) ?? 0) + 1);
  for (const l of got) g.set(l, (g.get(l) ?? 0) + 1);
  const stale = [], missing = [];
  let same = 0;
  for (const [l, n] of g) { const m = w.get(l) ?? 0; same += Math.min(n, m); for (let i = m; i < n; i++) stale.push(l); }
  for (const [l, n] of w) { const m = g.get(l) ?? 0; for (let i = m; i < n; i++) missing.push(l); }
  return { same, stale, missing };
}
