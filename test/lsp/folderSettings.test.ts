/**
 * `jitaiEvents.exclude` is resource-scoped: a client that answers workspace/configuration is asked
 * per workspace folder (scopeUri), and each folder's list applies to that folder only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigurationItem } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';

const BROKEN = { type: 'events.NormalType', sender: 'services.Nope.nothing', funcType: 'Global', func: 'services.Nope.handle' };

describe('two workspace folders with different exclude lists', () => {
  const asked: ConfigurationItem[] = [];
  const excludeOf = (scopeUri: string | undefined): string[] =>
    scopeUri === uriOf(server.dirs[0]) ? ['events/SkipInA/**'] : scopeUri === uriOf(server.dirs[1]) ? ['events/SkipInB/**'] : [];
  const server = useServerOn(['test/fixtures/valid-app', 'test/fixtures/valid-app'], {
    // Each copy gets the same two broken elements; folder A excludes one, folder B the other.
    prepare: (dirs) => {
      for (const dir of dirs) {
        for (const name of ['SkipInA', 'SkipInB']) {
          fs.mkdirSync(path.join(dir, 'events', name), { recursive: true });
          fs.writeFileSync(path.join(dir, 'events', name, 'e.json'), JSON.stringify(BROKEN));
        }
      }
    },
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, configuration: true },
      window: { workDoneProgress: true },
    },
    configuration: (item) => {
      asked.push(item);
      return { exclude: excludeOf(item.scopeUri), validation: { debounceMs: 0 } };
    },
  });
  const problemsOf = (dir: string, name: string) => server.client.diagnostics.get(uriOf(path.join(dir, 'events', name, 'e.json'))) ?? [];

  it('asks for jitaiEvents globally and for each workspace folder', () => {
    const scopes = asked.filter((i) => i.section === 'jitaiEvents').map((i) => i.scopeUri ?? '(global)');
    for (const s of ['(global)', uriOf(server.dirs[0]), uriOf(server.dirs[1])]) assert.ok(scopes.includes(s), `${s} not asked; asked ${scopes}`);
  });

  // Needs Engine.setExclude(globs, folder) to keep one list per folder (the facade's folder argument).
  it("each folder's exclude list applies to that folder only", () => {
    const [a, b] = server.dirs;
    assert.deepEqual(problemsOf(a, 'SkipInA'), [], 'folder A excludes events/SkipInA');
    assert.ok(problemsOf(a, 'SkipInB').length > 0, 'folder A still checks events/SkipInB');
    assert.deepEqual(problemsOf(b, 'SkipInB'), [], 'folder B excludes events/SkipInB');
    assert.ok(problemsOf(b, 'SkipInA').length > 0, 'folder B still checks events/SkipInA');
  });
});
