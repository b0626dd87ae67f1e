// Writes the client's part of package.json (contributes except jsonValidation, activationEvents,
// capabilities, l10n, main) and leaves every other key as it is. Run: node client/scripts/applyManifest.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../../package.json', import.meta.url);
const VIEW = 'jitaiEvents.events';
const inView = `view == ${VIEW}`;
const trusted = 'isWorkspaceTrusted';

const commands = [
  { command: 'jitaiEvents.reindex', title: '%command.reindex%', icon: '$(refresh)' },
  { command: 'jitaiEvents.runHandler', title: '%command.runHandler%', icon: '$(play)' },
  { command: 'jitaiEvents.runHandlerWithPayload', title: '%command.runHandlerWithPayload%', icon: '$(play)' },
  { command: 'jitaiEvents.runChain', title: '%command.runChain%', icon: '$(run-all)' },
  { command: 'jitaiEvents.goToDeclaration', title: '%command.goToDeclaration%', icon: '$(go-to-file)' },
  { command: 'jitaiEvents.copySender', title: '%command.copySender%', icon: '$(copy)' },
  { command: 'jitaiEvents.revealInExplorer', title: '%command.revealInExplorer%', icon: '$(folder-opened)' },
  { command: 'jitaiEvents.filterTree', title: '%command.filterTree%', icon: '$(filter)' },
  { command: 'jitaiEvents.clearFilter', title: '%command.clearFilter%', icon: '$(filter-filled)' },
  { command: 'jitaiEvents.showOutput', title: '%command.showOutput%', icon: '$(output)' },
  { command: 'jitaiEvents.restartServer', title: '%command.restartServer%', icon: '$(debug-restart)' },
  { command: 'jitaiEvents.openNode', title: '%command.openNode%' },
].map((c) => ({ ...c, category: 'JitAi' }));

const viewItem = (flag) => `${inView} && viewItem =~ /\\b${flag}\\b/`;

const contributes = {
  commands,
  viewsContainers: {
    activitybar: [{ id: 'jitai', title: '%viewsContainer.jitai%', icon: 'resources/jitai.svg' }],
  },
  views: {
    jitai: [{ id: VIEW, name: '%view.events%', icon: 'resources/jitai.svg', contextualTitle: '%viewsContainer.jitai%' }],
  },
  viewsWelcome: [
    { view: VIEW, contents: '%welcome.noFolder%', when: 'workspaceFolderCount == 0' },
    { view: VIEW, contents: '%welcome.indexing%', when: 'workspaceFolderCount > 0 && !jitaiEvents.indexReady' },
    { view: VIEW, contents: '%welcome.noApp%', when: 'workspaceFolderCount > 0 && jitaiEvents.indexReady && !jitaiEvents.hasApps' },
  ],
  menus: {
    commandPalette: [
      { command: 'jitaiEvents.runHandler', when: trusted },
      { command: 'jitaiEvents.runHandlerWithPayload', when: `jitaiEvents.payloadEditorActive && ${trusted}` },
      { command: 'jitaiEvents.runChain', when: trusted },
      { command: 'jitaiEvents.goToDeclaration', when: 'false' },
      { command: 'jitaiEvents.copySender', when: 'false' },
      { command: 'jitaiEvents.revealInExplorer', when: 'false' },
      { command: 'jitaiEvents.openNode', when: 'false' },
      { command: 'jitaiEvents.clearFilter', when: 'jitaiEvents.treeFiltered' },
    ],
    'view/title': [
      { command: 'jitaiEvents.reindex', when: inView, group: 'navigation@1' },
      { command: 'jitaiEvents.filterTree', when: `${inView} && !jitaiEvents.treeFiltered`, group: 'navigation@2' },
      { command: 'jitaiEvents.clearFilter', when: `${inView} && jitaiEvents.treeFiltered`, group: 'navigation@2' },
      { command: 'jitaiEvents.runHandler', when: `${inView} && ${trusted}`, group: '1_run@1' },
      { command: 'jitaiEvents.showOutput', when: inView, group: '9_log@1' },
      { command: 'jitaiEvents.restartServer', when: inView, group: '9_log@2' },
    ],
    'view/item/context': [
      { command: 'jitaiEvents.runHandler', when: `${viewItem('runnable')} && ${trusted}`, group: 'inline@1' },
      { command: 'jitaiEvents.runHandler', when: `${viewItem('runnable')} && ${trusted}`, group: '1_run@1' },
      { command: 'jitaiEvents.runChain', when: `${viewItem('runnable')} && ${trusted}`, group: '1_run@2' },
      { command: 'jitaiEvents.goToDeclaration', when: viewItem('declaration'), group: '2_navigate@1' },
      { command: 'jitaiEvents.revealInExplorer', when: viewItem('reveal'), group: '2_navigate@2' },
      { command: 'jitaiEvents.copySender', when: viewItem('sender'), group: '3_copy@1' },
    ],
    'editor/title': [
      { command: 'jitaiEvents.runHandlerWithPayload', when: `jitaiEvents.payloadEditorActive && ${trusted}`, group: 'navigation' },
    ],
    'editor/context': [
      { command: 'jitaiEvents.runHandler', when: `${trusted} && resourceScheme == file && (resourceFilename == e.json || resourceFilename == inner.py)`, group: 'jitai@1' },
    ],
  },
  configuration: {
    title: '%config.title%',
    properties: {
      'jitaiEvents.exclude': {
        type: 'array', items: { type: 'string' },
        default: ['**/node_modules/**', '**/.git/**', '**/__pycache__/**', '**/.venv/**', '**/venv/**'],
        scope: 'resource', markdownDescription: '%config.exclude%', order: 1,
      },
      'jitaiEvents.pythonPath': {
        type: 'string', default: '', scope: 'machine-overridable', markdownDescription: '%config.pythonPath%', order: 2,
      },
      'jitaiEvents.runHandler.timeoutSeconds': {
        type: 'number', default: 30, minimum: 1, maximum: 3600, scope: 'resource', markdownDescription: '%config.timeoutSeconds%', order: 3,
      },
      'jitaiEvents.runHandler.chainDepth': {
        type: 'integer', default: 3, minimum: 1, maximum: 10, scope: 'resource', markdownDescription: '%config.chainDepth%', order: 4,
      },
      'jitaiEvents.validation.debounceMs': {
        type: 'number', default: 200, minimum: 0, maximum: 5000, scope: 'window', markdownDescription: '%config.debounceMs%', order: 5,
      },
      'jitaiEvents.trace.server': {
        type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window',
        enumDescriptions: ['%config.trace.off%', '%config.trace.messages%', '%config.trace.verbose%'],
        markdownDescription: '%config.trace%', order: 6,
      },
    },
  },
};

const pkg = JSON.parse(readFileSync(file, 'utf8'));
// jsonValidation (schemas/) belongs to the schema's owner: keep whatever is there.
const kept = {};
for (const key of ['jsonValidation']) if (pkg.contributes?.[key]) kept[key] = pkg.contributes[key];
pkg.contributes = { ...kept, ...contributes };
pkg.main = './dist/client.js';
pkg.l10n = './l10n';
pkg.activationEvents = ['workspaceContains:**/e.json', 'workspaceContains:**/app.json'];
pkg.capabilities = {
  untrustedWorkspaces: {
    supported: 'limited',
    description: '%untrusted.description%',
    restrictedConfigurations: ['jitaiEvents.pythonPath'],
  },
  virtualWorkspaces: false,
};
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json: client keys written');
