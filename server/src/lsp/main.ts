/** The language server process entry (dist/server.js): stdio or IPC connection, console redirected to the client log, crash guards. */
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { JitaiLanguageServer } from './server';

// The heap grows by 30% between full collections instead of V8's default (up to 100%+ while the
// first index allocates): peak RSS after indexing 10k elements 155 -> 140 MB at the same speed
// (bench, paired runs). Set here, not as a node flag, so every editor's server gets it.
setFlagsFromString('--heap-growing-percent=30');

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
