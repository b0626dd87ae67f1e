// The Problems of the whole app, for files nobody opened: every entry of examples/crm-demo/
// expected-problems.json with its code, severity and a precise range — and nothing else.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, appFile, appRoot, appUri, codeOf, severityName, textAt, waitForDiagnostics, waitUntil } from './helpers';

interface ExpectedProblem { file: string; code: string; severity: 'error' | 'warning' | 'info'; line: number }
const SENDER_CODES = new Set(['unknown-event', 'sender-service-not-found', 'sender-malformed', 'sender-not-a-service']);
/** Codes the engine emits (team brief); diagnostics of other sources (JSON schema…) are not ours. */
const OUR_CODES = new Set(['json-syntax', 'root-not-object', 'missing-type', 'wrong-json-type', 'invalid-value', 'sender-malformed',
  'sender-service-not-found', 'sender-not-a-service', 'unknown-event', 'publish-args-not-tuple', 'invalid-func-type', 'missing-func',
  'func-malformed', 'func-element-not-found', 'func-not-found', 'func-not-in-function-list', 'function-not-implemented',
  'inner-file-missing', 'custom-func-missing', 'missing-name', 'duplicate-event-name', 'duplicate-function-name',
  'element-not-found', 'wrong-element-kind', 'unknown-model-field', 'handler-signature-fails', 'handler-signature-unusual',
  'init-import-missing', 'element-import-unresolved', 'inner-unused', 'unknown-key', 'fields-ignored', 'filter-unknown-field',
  'update-loop', 'workflow-option-misplaced', 'workflow-item-invalid', 'workflow-node-unknown', 'workflow-not-bound',
  'task-timer-invalid', 'task-date-field',
  'payload-key-not-sent', 'payload-key-sometimes', 'event-loop',
  'missing-title', 'unknown-type', 'missing-backend-entry',
  'invalid-setting', 'missing-init-py', 'duplicate-full-name', 'app-json-invalid', 'extends-entry-incomplete', 'missing-data-type',
  'unknown-data-type', 'missing-generic', 'service-class-mismatch', 'service-not-exported', 'params-mismatch', 'event-unused',
  'publish-kwargs-not-dict', 'element-ref-not-found', 'model-field-name-mismatch', 'reserved-field-name']);

function expectedProblems(): ExpectedProblem[] {
  return JSON.parse(fs.readFileSync(appFile('expected-problems.json'), 'utf8'));
}
const key = (file: string, code: string, line: number) => `${file}:${line} ${code}`;

function ourProblems(): string[] {
  const out: string[] = [];
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    if (!uri.fsPath.startsWith(appRoot())) continue;
    const rel = uri.fsPath.slice(appRoot().length + 1).split('\\').join('/');
    for (const d of ds) if (OUR_CODES.has(codeOf(d))) out.push(key(rel, codeOf(d), d.range.start.line + 1));
  }
  return out.sort();
}

suite('diagnostics of never-opened files', () => {
  suiteSetup(async () => { await activateExtension(); });

  test('every expected problem is reported with its code, severity and line', async () => {
    for (const p of expectedProblems()) {
      const uri = appUri(p.file);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === uri.fsPath), `${p.file} was never opened`);
      const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === p.code && d.range.start.line === p.line - 1),
        `${p.code} on ${p.file}:${p.line}`);
      const d = ds.find((x) => codeOf(x) === p.code && x.range.start.line === p.line - 1)!;
      assert.equal(severityName(d.severity), p.severity, `${p.file}:${p.line} ${p.code} severity`);
      assert.ok(!d.range.isEmpty, `${p.file}:${p.line} ${p.code} has a non-empty range`);
      assert.ok(d.message.length > 10, `${p.code} has a message`);
    }
  });

  test('sender problems point at exactly the sender literal (e.json and Python)', () => {
    for (const p of expectedProblems().filter((x) => SENDER_CODES.has(x.code))) {
      const file = appFile(p.file);
      const line = fs.readFileSync(file, 'utf8').split(/\r?\n/)[p.line - 1];
      const sender = (line.match(/"sender"\s*:\s*"([^"]*)"/) ?? line.match(/sender\s*=\s*["']([^"']*)["']/))?.[1];
      assert.ok(sender, `${p.file}:${p.line} holds a sender literal: ${line}`);
      const d = vscode.languages.getDiagnostics(appUri(p.file)).find((x) => codeOf(x) === p.code && x.range.start.line === p.line - 1)!;
      const marked = textAt(file, d.range).replace(/^["']|["']$/g, '');
      // The whole sender, or exactly its wrong part: the service (service not found) or the event name.
      const part = p.code === 'sender-service-not-found' ? sender.replace(/\.[^.]+$/, '') : p.code === 'unknown-event' ? sender.split('.').pop()! : sender;
      const allowed = [...new Set([sender, part])];
      assert.ok(allowed.includes(marked), `${p.file}:${p.line} ${p.code} marks ${JSON.stringify(marked)}, expected one of ${JSON.stringify(allowed)}`);
    }
  });

  test('the typo in an e.json sender says which event was meant', () => {
    const d = vscode.languages.getDiagnostics(appUri('events/deliberateMistakes/TypoSender/e.json')).find((x) => codeOf(x) === 'unknown-event');
    assert.ok(d);
    assert.match(d.message, /dataProcessed/, d.message);
    assert.match(d.message, /did you mean/i, d.message);
  });

  test('the typo in a Python publish names the declared events', () => {
    const d = vscode.languages.getDiagnostics(appUri('services/MistakesDemoService/service.py')).find((x) => codeOf(x) === 'unknown-event');
    assert.ok(d);
    assert.match(d.message, /reportGenerated/, d.message);
  });

  test('no other problem is reported anywhere in the app', async () => {
    const want = expectedProblems().map((p) => key(p.file, p.code, p.line)).sort();
    const got = await waitUntil(() => { const g = ourProblems(); return g.length >= want.length ? g : undefined; },
      vscode.languages.onDidChangeDiagnostics, 30_000, () => `problems: ${JSON.stringify(ourProblems())}`);
    assert.deepEqual(got, want);
  });
});
