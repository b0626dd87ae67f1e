/**
 * jitaiEvents.diagnostics.severity over the protocol: read from initializationOptions.settings at
 * start, and again from didChangeConfiguration; 'off' removes a code, a level changes its severity.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { SEVERITY } from './lspTestUtil';

describe('diagnostics.severity setting', () => {
  const server = useServerOn('examples/crm-demo', {
    settings: { validation: { debounceMs: 0 }, diagnostics: { severity: { 'event-unused': 'off', 'params-mismatch': 'error' } } },
  });
  const diags = (rel: string) => server.client.diagnostics.get(uriOf(server.p(rel))) ?? [];

  it('initializationOptions.settings: off codes are not published, changed levels are', () => {
    assert.deepEqual(diags('services/OrderService/e.json'), []);
    assert.ok(!diags('services/MistakesDemoService/e.json').some((d) => d.code === 'event-unused'));
    assert.equal(diags('services/MistakesDemoService/service.py').find((d) => d.code === 'params-mismatch')?.severity, SEVERITY.error);
  });

  it('didChangeConfiguration: the new map is applied and the changed files are published again', async () => {
    const mark = server.client.mark();
    await server.client.notify('workspace/didChangeConfiguration', {
      settings: { jitaiEvents: { validation: { debounceMs: 0 }, diagnostics: { severity: { 'element-ref-not-found': 'off' } } } },
    });
    const [hint] = await server.client.waitForDiagnostics(uriOf(server.p('services/OrderService/e.json')), (x) => x.length > 0, { since: mark });
    assert.equal(hint.code, 'event-unused');
    assert.equal(hint.severity, SEVERITY.info);
    const py = await server.client.waitForDiagnostics(uriOf(server.p('services/MistakesDemoService/service.py')),
      (x) => !x.some((d) => d.code === 'element-ref-not-found'), { since: mark });
    assert.equal(py.find((d) => d.code === 'params-mismatch')?.severity, SEVERITY.warning);
  });
});
