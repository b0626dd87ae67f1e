/** Every problem of an indexed folder as plain rows (file, code, severity, range, message), sorted: what exact-fixture tests compare. */
import { CheckedIndex, severityName } from '../../server/src/engine';

export interface ProblemRow { file: string; code: string; severity: string; range: string; message: string }

export async function problemRows(dir: string, locale?: string): Promise<ProblemRow[]> {
  const index = new CheckedIndex({ locale });
  index.setFolders([dir]);
  await index.indexAll();
  const out: ProblemRow[] = [];
  for (const [p, list] of index.allDiagnostics()) {
    for (const d of list) {
      const r = d.range;
      out.push({
        file: p.slice(dir.length + 1), code: d.code, severity: severityName(d.severity),
        range: `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`, message: d.message,
      });
    }
  }
  return out.sort((a, b) => (`${a.file}:${a.range}:${a.code}` < `${b.file}:${b.range}:${b.code}` ? -1 : 1));
}
