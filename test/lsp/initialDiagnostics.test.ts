/**
 * After initialize, the server publishes diagnostics for every file of the app, including files the
 * editor never opened, with the codes, severities, lines and exact ranges of expected-problems.json.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { SEVERITY, textInFileRange } from './lspTestUtil';
import type { IndexStatus } from '../../shared/src/protocol/types';

interface Expected { file: string; code: string; severity: string; line: number }

describe('initial diagnostics of examples/crm-demo (never-opened files)', () => {
  const server = useServerOn('examples/crm-demo', {
    prepare: () => {
      expected = JSON.parse(fs.readFileSync(path.join(server.dir, 'expected-problems.json'), 'utf8'));
    },
  });
  let expected: Expected[];

  it('registers file watchers for e.json, *.py and app.json', () => {
    const reg = server.client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(reg, `no watcher registration; got ${JSON.stringify(server.client.registrations)}`);
    const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    for (const g of ['**/e.json', '**/*.py', '**/app.json']) assert.ok(globs.includes(g), `missing watcher ${g} in ${globs}`);
  });

  it('also watches folder creations and deletions (editors report a moved or renamed folder, not its files)', () => {
    const reg = server.client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const watchers = (reg?.registerOptions as { watchers: { globPattern: string; kind?: number } [] }).watchers;
    const all = watchers.filter((w) => w.globPattern === '**/*');
    const kinds = all.reduce((k, w) => k | (w.kind ?? 7), 0);
    assert.ok(kinds & 1, `no Create watcher for **/* (a folder moved in would never be indexed): ${JSON.stringify(watchers)}`);
    assert.ok(kinds & 4, `no Delete watcher for **/*: ${JSON.stringify(watchers)}`);
  });

  it('reports work-done progress for the first index', () => {
    const kinds = server.client.progress.map((p) => (p as { value?: { kind?: string } }).value?.kind);
    assert.ok(kinds.includes('begin') && kinds.includes('end'), `progress kinds: ${kinds}`);
  });

  it('publishes exactly the expected problems (code, severity, 1-based line)', () => {
    const actual = [...server.client.diagnostics].flatMap(([uri, list]) => list.map((d) => ({
      file: path.relative(server.dir, new URL(uri).pathname).split(path.sep).join('/'),
      code: String(d.code), severity: Object.keys(SEVERITY).find((k) => SEVERITY[k] === d.severity) ?? '?', line: d.range.start.line + 1,
    })));
    const key = (p: Expected) => `${p.file}:${p.line} ${p.severity} ${p.code}`;
    assert.deepEqual(actual.map(key).sort(), expected.map(key).sort());
  });

  it('every diagnostic has source jitai and a message', () => {
    for (const list of server.client.diagnostics.values()) {
      for (const d of list) {
        assert.equal(d.source, 'jitai');
        assert.ok(d.message.length > 10, d.message);
      }
    }
  });

  it('the TypoSender unknown-event range covers exactly the misspelled event name', () => {
    const file = path.join(server.dir, 'events/deliberateMistakes/TypoSender/e.json');
    const [d] = server.client.diagnostics.get(uriOf(file)) ?? [];
    assert.ok(d, 'no diagnostic for TypoSender');
    assert.equal(d.code, 'unknown-event');
    assert.equal(textInFileRange(file, d.range), 'dataProcesed');
    assert.deepEqual(d.range, { start: { line: 3, character: 43 }, end: { line: 3, character: 55 } });
    assert.match(d.message, /Did you mean "dataProcessed"\?/);
    assert.match(d.message, /dataProcessed, batchFailed/);
  });

  it('Python publish diagnostics point at the sender literal in service.py', () => {
    const file = path.join(server.dir, 'services/MistakesDemoService/service.py');
    const list = server.client.diagnostics.get(uriOf(file)) ?? [];
    const unknown = list.find((d) => d.code === 'unknown-event');
    assert.ok(unknown);
    assert.equal(textInFileRange(file, unknown.range), 'reportGenerated');
    const noService = list.find((d) => d.code === 'sender-service-not-found');
    assert.ok(noService);
    assert.equal(noService.severity, SEVERITY.warning);
    assert.match(textInFileRange(file, noService.range), /^services\.OrderServce/);
  });

  it('the InnerWithoutFile diagnostic is on the funcType value', () => {
    const file = path.join(server.dir, 'events/deliberateMistakes/InnerWithoutFile/e.json');
    const [d] = server.client.diagnostics.get(uriOf(file)) ?? [];
    assert.equal(d?.code, 'inner-file-missing');
    assert.equal(textInFileRange(file, d.range), '"Inner"');
  });

  it('the index server.status counts the app', () => {
    assert.equal(server.status.state, 'ready');
    assert.equal(server.status.apps, 1);
    assert.equal(server.status.errors, expected.filter((e) => e.severity === 'error').length);
    assert.equal(server.status.warnings, expected.filter((e) => e.severity === 'warning').length);
    assert.equal(server.status.events, 9);
    assert.ok(server.status.elements >= 29, `elements ${server.status.elements}`);
    assert.ok(server.status.subscribers >= 13, `subscribers ${server.status.subscribers}`);
    assert.ok(server.status.indexMs >= 0 && !Number.isNaN(Date.parse(server.status.updatedAt)));
  });
});
