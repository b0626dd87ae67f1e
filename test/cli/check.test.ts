/**
 * `jitai-events check`: text, json and sarif output, exit codes, locale, exclusions, several folders.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tempCopy, tempWorkspace } from '../helpers/repo';
import { runCli, show } from './cliUtil';
import { ALL_DIAGNOSTIC_CODES } from '../../server/src/engine';

interface Expected { file: string; code: string; severity: string; line: number }
const key = (e: Expected) => `${e.file}:${e.line} ${e.severity} ${e.code}`;
const TEXT_LINE = /^(?<file>[^:]+):(?<line>\d+):(?<col>\d+) (?<severity>error|warning|info) (?<code>[a-z-]+) (?<message>.+)$/;

describe('jitai-events check', () => {
  let app: { dir: string; cleanup: () => void };
  let expected: Expected[];

  before(() => {
    app = tempCopy('examples/crm-demo');
    expected = JSON.parse(fs.readFileSync(path.join(app.dir, 'expected-problems.json'), 'utf8'));
  });
  after(() => app?.cleanup());

  it('text: one `path:line:col severity code message` line per problem, then a summary; exit 1', async () => {
    const r = await runCli(['check', '--no-color'], { cwd: app.dir });
    assert.equal(r.code, 1, show(r));
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop();
    assert.equal(summary, '7 errors, 12 warnings, 2 info');
    const parsed = lines.map((l) => {
      const m = TEXT_LINE.exec(l);
      assert.ok(m?.groups, `not a problem line: ${l}`);
      return m.groups;
    });
    assert.deepEqual(parsed.map((g) => key({ file: g.file, line: Number(g.line), severity: g.severity, code: g.code })).sort(), expected.map(key).sort());
    const typo = parsed.find((g) => g.file === 'events/deliberateMistakes/TypoSender/e.json')!;
    assert.equal(`${typo.line}:${typo.col}`, '4:44', 'the column of the misspelled event name');
    assert.match(typo.message, /Did you mean "dataProcessed"\?/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour with --no-color');
    assert.match(r.stderr, /^checked \d+ elements and \d+ Python files in 1 app in \d+ ms\n$/);
  });

  it('text: paths are relative to the current folder when a folder is given', async () => {
    const r = await runCli(['check', path.relative(path.dirname(app.dir), app.dir), '--no-color'], { cwd: path.dirname(app.dir) });
    assert.equal(r.code, 1, show(r));
    const first = r.stdout.split('\n')[0];
    assert.ok(first.startsWith(`${path.basename(app.dir)}/events/deliberateMistakes/`), first);
  });

  it('--color paints severities', async () => {
    const r = await runCli(['check', app.dir, '--color']);
    assert.match(r.stdout, /\x1b\[31merror\x1b\[0m/);
  });

  it('a valid app: exit 0 and no problems', async () => {
    const r = await runCli(['check', path.join(repoRoot(), 'test/fixtures/valid-app'), '--no-color']);
    assert.equal(r.code, 0, show(r));
    assert.equal(r.stdout, '0 errors, 0 warnings, 0 info\n');
  });

  it('English plural forms: one element, one Python file, one app, one error', async () => {
    const ws = tempWorkspace({
      'app.json': { appId: 'test.One', name: 'One' },
      'pages/Lonely/e.json': { type: 'pages.NormalType', title: 'Lonely' },
      'scripts/seed.py': 'app.event.publish(sender="services.Nope.happened")\n',
    });
    try {
      const r = await runCli(['check', ws.dir, '--no-color']);
      assert.equal(r.code, 1, show(r));
      assert.match(r.stdout, /\n1 error, 0 warnings, 0 info\n$/);
      assert.match(r.stderr, /^checked 1 element and 1 Python file in 1 app in \d+ ms\n$/);
    } finally {
      ws.cleanup();
    }
  });

  it('warnings only: exit 0', async () => {
    const r = await runCli(['check', path.join(repoRoot(), 'test/fixtures/bad-sender-service'), '--no-color']);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /warning sender-service-not-found/);
  });

  it('--rule <code>=<level> changes a code\'s severity or turns it off (repeatable)', async () => {
    const r = await runCli(['check', '--no-color', '--rule', 'event-unused=off', '--rule=params-mismatch=error'], { cwd: app.dir });
    assert.equal(r.code, 1, show(r));
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.pop(), '8 errors, 11 warnings, 0 info');
    assert.ok(!lines.some((l) => l.includes('event-unused')));
    assert.ok(lines.some((l) => / error params-mismatch /.test(l)), r.stdout);
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif', '--rule', 'params-mismatch=info'], { cwd: app.dir })).stdout);
    const results = sarif.runs[0].results as { ruleId: string; level: string }[];
    assert.equal(results.find((x) => x.ruleId === 'params-mismatch')?.level, 'note');
  });

  it('--rule with an unknown code or level is a usage error (exit 2) naming it, with the closest code', async () => {
    let r = await runCli(['check', '--rule', 'event-unsed=off'], { cwd: app.dir });
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /"event-unsed" is not a diagnostic code\. Did you mean event-unused\?/);
    r = await runCli(['check', '--rule', 'event-unused=loud'], { cwd: app.dir });
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /the level must be off, info, warning or error/);
    r = await runCli(['check', '--rule', 'event-unused'], { cwd: app.dir });
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /must be <code>=<level>/);
  });

  it('--format json lists the problems with file, line, column, severity, code and message', async () => {
    const r = await runCli(['check', '--format', 'json'], { cwd: app.dir });
    assert.equal(r.code, 1, show(r));
    const out = JSON.parse(r.stdout) as { stats: Record<string, number>; problems: (Expected & { column: number; message: string; absolutePath: string })[] };
    assert.deepEqual(out.problems.map(key).sort(), expected.map(key).sort());
    for (const p of out.problems) {
      assert.ok(p.column >= 1 && p.message.length > 10);
      assert.equal(p.absolutePath, path.join(app.dir, p.file));
    }
    assert.equal(out.stats.errors, 7);
    assert.equal(out.stats.warnings, 12);
    assert.equal(out.stats.apps, 1);
    const typo = out.problems.find((p) => p.code === 'unknown-event' && p.file.endsWith('TypoSender/e.json')) as unknown as { fix?: { newText: string } };
    assert.equal(typo.fix?.newText, 'services.CustomerBatchService.dataProcessed');
  });

  it('--format sarif is SARIF 2.1.0: tool, rules, results with ruleId, level and locations', async () => {
    const r = await runCli(['check', '--format=sarif'], { cwd: app.dir });
    assert.equal(r.code, 1, show(r));
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'jitai-events');
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[];
    // Every registered code is a rule (not only the ones found), so every result's code is one.
    assert.deepEqual(rules.map((x) => x.id).sort(), [...ALL_DIAGNOSTIC_CODES].sort());
    for (const code of new Set(expected.map((e) => e.code))) assert.ok(rules.some((x) => x.id === code), code);
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text);
      assert.ok(rule.fullDescription.text && rule.help.text);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(run.results.length, expected.length);
    const found: string[] = [];
    for (const res of run.results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.message.text);
      const loc = res.locations[0].physicalLocation;
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine);
      assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
      // SARIF calls an information problem a note.
      found.push(key({ file: loc.artifactLocation.uri, line: loc.region.startLine, severity: res.level === 'note' ? 'info' : res.level, code: res.ruleId }));
    }
    assert.deepEqual(found.sort(), expected.map(key).sort());
    assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file://'));
  });

  it('--locale zh-cn prints Chinese messages', async () => {
    const r = await runCli(['check', '--locale', 'zh-cn', '--no-color'], { cwd: app.dir });
    assert.equal(r.code, 1, show(r));
    const typo = r.stdout.split('\n').find((l) => l.includes('TypoSender'))!;
    assert.match(typo, /[\u4e00-\u9fff]/);
    assert.match(typo, /unknown-event .*dataProcessed/);
  });

  it('--exclude skips matching files (repeatable)', async () => {
    const one = await runCli(['check', '--exclude', 'events/deliberateMistakes/**', '--format', 'json'], { cwd: app.dir });
    const files = (JSON.parse(one.stdout).problems as Expected[]).map((p) => p.file);
    assert.ok(files.length > 0 && files.every((f) => f.startsWith('services/MistakesDemoService/') || f === 'services/OrderService/e.json'), files.join(', '));
    assert.equal(one.code, 1);
    // (OrderService's event-unused hint stays: turned off here so the rest is clean.)
    const both = await runCli(['check', '--exclude', 'events/deliberateMistakes/**', '--exclude', 'services/MistakesDemoService/**', '--rule', 'event-unused=off', '--no-color'], { cwd: app.dir });
    assert.equal(both.code, 0, show(both));
    assert.equal(both.stdout, '0 errors, 0 warnings, 0 info\n');
  });

  it('several folders at once: every fixture app matches its expected.json', async () => {
    const root = path.join(repoRoot(), 'test/fixtures');
    const names = fs.readdirSync(root).filter((n) => fs.existsSync(path.join(root, n, 'expected.json'))).sort();
    assert.ok(names.length >= 20);
    const r = await runCli(['check', ...names, '--format', 'json'], { cwd: root });
    assert.equal(r.code, 1, show(r));
    const problems = JSON.parse(r.stdout).problems as Expected[];
    const mismatches: string[] = [];
    for (const n of names) {
      const want = (JSON.parse(fs.readFileSync(path.join(root, n, 'expected.json'), 'utf8')) as Expected[]).map((e) => key({ ...e, file: `${n}/${e.file}` })).sort();
      const got = problems.filter((p) => p.file.startsWith(`${n}/`)).map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${n}: expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('overlapping folders (an app and its parent) report each problem once', async () => {
    const parent = tempCopy('examples');
    try {
      const crm = path.join(parent.dir, 'crm-demo');
      const r = await runCli(['check', crm, parent.dir, crm, '--format', 'json'], { cwd: crm });
      const problems = JSON.parse(r.stdout).problems as Expected[];
      assert.deepEqual(problems.map(key).sort(), expected.map(key).sort());
    } finally {
      parent.cleanup();
    }
  });

  it('a folder without any app: exit 0, nothing to report', async () => {
    const dir = path.join(app.dir, 'emptyFolder');
    fs.mkdirSync(dir, { recursive: true });
    const empty = await runCli(['check', '--format', 'json'], { cwd: dir });
    assert.equal(empty.code, 0, show(empty));
    assert.deepEqual(JSON.parse(empty.stdout).problems, []);
  });

  describe('usage errors exit 2 with a message', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown option', ['check', '--bogus'], /unknown option --bogus/],
      ['a missing folder', ['check', 'no/such/folder'], /not a folder: no\/such\/folder/],
      ['a bad --format', ['check', '--format', 'xml'], /--format must be text, json or sarif/],
      ['an option without its value', ['check', '--format'], /--format needs a value/],
      ['an unknown command', ['lint'], /unknown command "lint"/],
      ['no command at all', [], /Usage:/],
    ];
    for (const [what, args, message] of cases) {
      it(what, async () => {
        const r = await runCli(args);
        assert.equal(r.code, 2, show(r));
        assert.match(r.stderr + r.stdout, message);
      });
    }
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /jitai-events check \[folder \.\.\.\]/);
    const v = await runCli(['--version']);
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+/);
  });
});
