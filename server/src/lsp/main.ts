/** The language server process entry (dist/server.js): stdio or IPC connection, console redirected to the client log, crash guards. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { JitaiLanguageServer } from './server';

// Plain `jitai-events-language-server` (no transport flag) speaks LSP over stdio, for any editor.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
// Logs go to the client's output channel; nothing may write to stdout when it carries LSP.
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
new JitaiLanguageServer(connection);
connection.listen();
