/**
 * `jitai-events run <app folder> <event fullName>`: runs crm-demo's handlers with real python3 and
 * checks what the terminal shows and the exit codes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { tempCopy, tempWorkspace } from '../helpers/repo';
import { runCli, show } from './cliUtil';

describe('jitai-events run on a copy of crm-demo', () => {
  let app: { dir: string; cleanup: () => void };

  before(() => { app = tempCopy('examples/crm-demo'); });
  after(() => app?.cleanup());

  const run = (fullName: string, ...extra: string[]) => runCli(['run', app.dir, fullName, '--no-color', ...extra]);

  it('an Inner handler prints its output and its return value; exit 0', async () => {
    const r = await run('events.ArchiveStatistics', '--payload', JSON.stringify({ args: [{ processedCount: 3, skipped: 1 }], kwargs: { batchSize: 4 } }));
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /^▶ events\.ArchiveStatistics  \(Inner → inner\.py customFunc\)\n[^]*\n  Python: \S+ \(3\.\d+\.\d+\)\n/);
    assert.match(r.stdout, /\n✔ events\.ArchiveStatistics finished in \d+ ms\n$/);
    assert.match(r.stdout, /archived statistics: processed=3 skipped=1 batchSize=4/, 'args[0] and kwargs reached customFunc');
    assert.match(r.stdout, /Return value: \{'processed': 3, 'skipped': 1\}/);
  });

  it('a Global handler runs the service method and lists the events it published', async () => {
    const r = await run('events.NotifySalesOnProcessed', '--payload', '{"args": [{"processedCount": 7}]}');
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /email to sales@acme\.example: Batch done: 7 customers/);
    assert.match(r.stdout, /Return value: None/);
    assert.match(r.stdout, /Published events \(1\):\n\s+services\.NotifyService\.emailSent\s+args=\[\] kwargs=\{"to":"sales@acme\.example","subject":"Batch done: 7 customers"\}/);
    assert.match(r.stdout, /services\/NotifyService\/service\.py:27/);
  });

  it('kwargs alone reach a Global handler', async () => {
    const r = await run('events.OpsAlertOnBatchFailed', '--payload', '{"kwargs": {"reason": "disk full"}}');
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /Customer batch failed: disk full/);
  });

  it('without --payload the handler gets no arguments', async () => {
    const r = await run('events.ArchiveStatistics');
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /archived statistics: processed=0 skipped=0 batchSize=None/);
  });

  it('a task handler runs too', async () => {
    const r = await run('tasks.ContractReminder', '--payload', '{"args": [{"name": "ACME Ltd", "contractEnd": "2026-12-31"}]}');
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, /reminder: contract of ACME Ltd ends on 2026-12-31/);
  });

  it('--format json prints the run result as JSON', async () => {
    const r = await run('events.ArchiveStatistics', '--format', 'json', '--payload', '{"args": [{"processedCount": 2, "skipped": 0}]}');
    assert.equal(r.code, 0, show(r));
    const result = JSON.parse(r.stdout);
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.returnValue, { processed: 2, skipped: 0 });
    assert.match(result.stdout, /processed=2/);
  });

  it('a handler that raises: exit 1 with the exception and a traceback into inner.py', async () => {
    // args[0] is an int, so payload.get(...) raises AttributeError inside customFunc.
    const r = await run('events.ArchiveStatistics', '--payload', '{"args": [5]}');
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /\n✖ events\.ArchiveStatistics raised an exception in \d+ ms\n$/);
    assert.match(r.stdout, /AttributeError: 'int' object has no attribute 'get'/);
    assert.match(r.stdout, /AttributeError: [^\n]*\n  at \S+/, 'the exception, then its frames');
    assert.match(r.stdout, /at \S*events\/ArchiveStatistics\/inner\.py:4  customFunc/);
  });

  it('a Global handler whose method does not exist: exit 1 and says so', async () => {
    const r = await run('events.deliberateMistakes.UnknownGlobalFunc');
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout + r.stderr, /sendSms/);
  });

  it('an Inner handler without inner.py cannot run: exit 1 with the reason', async () => {
    const r = await run('events.deliberateMistakes.InnerWithoutFile');
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /cannot run "events\.deliberateMistakes\.InnerWithoutFile": inner\.py is missing/);
  });

  describe('usage errors exit 2', () => {
    it('bad payload JSON', async () => {
      const r = await run('events.ArchiveStatistics', '--payload', '{bad');
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, /--payload is not valid/);
    });

    it('a payload of the wrong shape', async () => {
      const r = await run('events.ArchiveStatistics', '--payload', '{"args": {"a": 1}}');
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, /"args" must be a JSON array/);
    });

    it('an unknown fullName lists the event and task handlers', async () => {
      const r = await run('events.NoSuchHandler');
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, /no element "events\.NoSuchHandler"/);
      for (const n of ['events.ArchiveStatistics', 'events.NotifySalesOnProcessed', 'tasks.DailyDigest']) assert.ok(r.stderr.includes(n), n);
    });

    it('an element that is not an event or task', async () => {
      const r = await run('services.NotifyService');
      assert.equal(r.code, 2, show(r));
      assert.match(r.stderr, /not an event or task element/);
    });

    it('missing arguments, a missing folder, a bad --timeout', async () => {
      for (const args of [['run'], ['run', app.dir], ['run', path.join(app.dir, 'nope'), 'events.X'], ['run', app.dir, 'events.ArchiveStatistics', '--timeout', '0']]) {
        const r = await runCli(args);
        assert.equal(r.code, 2, `${args.join(' ')}\n${show(r)}`);
        assert.match(r.stderr, /jitai-events run: /);
      }
    });
  });

  it('a missing --python: exit 1 with how to fix it', async () => {
    const r = await run('events.ArchiveStatistics', '--python', path.join(app.dir, 'no-such-python'));
    assert.equal(r.code, 1, show(r));
    assert.ok(r.stderr.length > 20, show(r));
  });
});

describe('jitai-events run --timeout', () => {
  let ws: { dir: string; cleanup: () => void };
  before(() => {
    ws = tempWorkspace({
      'app.json': { appId: 'test.Slow', name: 'Slow' },
      'services/Svc/e.json': { type: 'services.NormalType', eventDescs: [{ name: 'tick' }] },
      'services/Svc/service.py': 'from services.NormalType import NormalService\n\nclass Svc(NormalService):\n    pass\n',
      'events/Slow/e.json': { type: 'events.NormalType', sender: 'services.Svc.tick', funcType: 'Inner' },
      'events/Slow/inner.py': 'import time\n\ndef customFunc(*args, **kwargs):\n    print("started", flush=True)\n    time.sleep(60)\n',
    });
  });
  after(() => ws?.cleanup());

  it('a handler that runs too long is killed: exit 1, reported as timed out', async () => {
    const t0 = Date.now();
    const r = await runCli(['run', ws.dir, 'events.Slow', '--timeout', '1', '--no-color'], { timeoutMs: 30_000 });
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, /timed out/);
    assert.match(r.stdout, /started/);
    assert.ok(Date.now() - t0 < 20_000, 'did not wait for the 60 s sleep');
  });
});
