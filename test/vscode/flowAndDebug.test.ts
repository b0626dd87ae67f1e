// The event-flow view and Debug handler inside a real VS Code: the webview draws under its CSP (it
// reports what it drew), the filter narrows it, the command is contributed where users look for it;
// Debug handler builds the debugpy launch configuration Run's payload would get, and without the
// Python Debugger extension says how to install it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, appFile, appRoot, type JitaiEventsApi } from './helpers';

const appRootUri = (): string => vscode.Uri.file(appRoot()).toString();

suite('event flow view', () => {
  let api: JitaiEventsApi;
  suiteSetup(async () => { api = await activateExtension(); });
  suiteTeardown(async () => { await vscode.commands.executeCommand('workbench.action.closeAllEditors'); });

  test('the whole workspace: the webview script runs and draws every node and edge of crm-demo', async () => {
    const drawn = await api.showFlow();
    assert.equal(drawn.loops, 1, 'the deliberate reportQueued loop');
    assert.equal(drawn.nodes, 54);
    assert.equal(drawn.edges, 46);
    assert.ok(vscode.window.tabGroups.all.flatMap((t) => t.tabs).some((t) => t.input instanceof vscode.TabInputWebview && /flowGraph/.test(t.input.viewType)),
      'a flow-graph webview tab is open');
  });

  test('around one event (as from the tree\'s "Show Flow"), then filtered by text', async () => {
    const around = await api.showFlow({ sender: 'services.OrderService.orderCreated', depth: 1 });
    // orderCreated, its service, its two subscribers and the createOrder method that publishes it.
    assert.equal(around.nodes, 5);
    assert.equal(around.edges, 4);
    const filtered = await api.showFlow({ sender: 'services.OrderService.orderCreated', depth: 1 }, 'Welcome');
    assert.equal(filtered.filter, 'Welcome');
    assert.equal(filtered.nodes, 2, 'the welcome handler and its event');
  });

  test('the command is in the palette, the events view title and the event context menu', () => {
    const pkg = vscode.extensions.getExtension('jitai-tools.jitai-events')!.packageJSON;
    const menus = pkg.contributes.menus;
    assert.ok(menus['view/title'].some((m: { command: string }) => m.command === 'jitaiEvents.showFlow'));
    assert.ok(menus['view/item/context'].some((m: { command: string; when: string }) => m.command === 'jitaiEvents.showFlow' && /jitai\\\.event/.test(m.when)));
  });
});

suite('debug handler', () => {
  let api: JitaiEventsApi;
  suiteSetup(async () => { api = await activateExtension(); });

  test('builds the debugpy launch configuration of the handler, with the payload in the request file', async () => {
    let seen: { folder?: vscode.WorkspaceFolder; config?: vscode.DebugConfiguration; request?: unknown } = {};
    const outcome = await api.debug.debugForApi({ appRootUri: appRootUri(), fullName: 'events.WelcomeOnOrderCreated' },
      { args: [{ orderNo: 'SO-9' }] }, {
        extensionPresent: true,
        startDebugging: async (folder, config) => {
          const fs = await import('node:fs');
          seen = { folder, config, request: JSON.parse(fs.readFileSync(config.args[1], 'utf8')) };
          return true;
        },
      });
    assert.equal(outcome.status, 'started');
    const c = seen.config!;
    assert.equal(c.type, 'debugpy');
    assert.equal(c.request, 'launch');
    assert.match(c.program, /python[\\/]jitai_run\.py$/);
    assert.deepEqual([c.args[0], c.args[2]], ['--request-file', '--result-file']);
    assert.equal(c.cwd, appRoot());
    assert.equal(c.justMyCode, true);
    assert.equal(c.console, 'internalConsole');
    assert.ok(typeof c.python === 'string' && c.python.length > 0);
    assert.equal(seen.folder?.uri.fsPath, appRoot());
    const req = seen.request as { fullName: string; funcType: string; modulePath: string; args: unknown[] };
    assert.equal(req.fullName, 'events.WelcomeOnOrderCreated');
    assert.equal(req.funcType, 'Inner');
    assert.equal(req.modulePath, appFile('events/WelcomeOnOrderCreated/inner.py'));
    assert.deepEqual(req.args, [{ orderNo: 'SO-9' }]);
  });

  test('without the Python Debugger extension: a message naming it and how to install it', async () => {
    const outcome = await api.debug.debugForApi({ appRootUri: appRootUri(), fullName: 'events.WelcomeOnOrderCreated' }, {}, { extensionPresent: false });
    assert.equal(outcome.status, 'missing-extension');
    assert.match((outcome as { message: string }).message, /Python Debugger extension \(ms-python\.debugpy\)/);
    assert.match((outcome as { message: string }).message, /pip install debugpy/);
  });

  test('the command sits next to Run: palette, tree context menu and editor context menu, trusted workspaces only', () => {
    const menus = vscode.extensions.getExtension('jitai-tools.jitai-events')!.packageJSON.contributes.menus;
    for (const where of ['commandPalette', 'view/item/context', 'editor/context']) {
      const entry = menus[where].find((m: { command: string }) => m.command === 'jitaiEvents.debugHandler');
      assert.ok(entry, where);
      assert.match(entry.when, /isWorkspaceTrusted/);
    }
  });
});
