/**
 * The `jitaiEvents.editorRunnable` context key: true when the active editor's file belongs to an
 * event or task element the server can run (its handlerInfo, without a problem). Drives "Run
 * Handler…" in the editor context menu and the command palette. Answers are cached per document
 * version and index version; the key is cleared while the server is down. After an index change
 * it is asked again once typing pauses (UPDATE_DEBOUNCE_MS), so no request per keystroke queues in
 * front of completions.
 */
import * as vscode from 'vscode';
import { ContextKeys } from '../ids';
import type { JitaiLanguageClient } from '../lsp/languageClient';

/** Files that can belong to a runnable element: its e.json or a Python file in its folder. */
const CANDIDATE = /\/(e\.json|[^/]+\.py)$/;

/** How long after the last index change the key is evaluated again. */
export const UPDATE_DEBOUNCE_MS = 300;

export class RunnableContext implements vscode.Disposable {
  private readonly cache = new Map<string, boolean>();
  private indexVersion = 0;
  private current = false;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changedEmitter = new vscode.EventEmitter<boolean>();
  /** Fires after the key was set (tests wait on it). */
  readonly onDidChange = this.changedEmitter.event;

  constructor(private readonly lsp: JitaiLanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      lsp.onIndexChanged((p) => {
        this.indexVersion = p.version;
        this.cache.clear();
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.update(); }, UPDATE_DEBOUNCE_MS);
      }),
      lsp.onStarted(() => { this.cache.clear(); void this.update(); }),
      this.changedEmitter,
    );
  }

  get value(): boolean {
    return this.current;
  }

  /** Re-evaluates the key for the active editor. */
  async update(): Promise<boolean> {
    const doc = vscode.window.activeTextEditor?.document;
    let runnable = false;
    if (doc && doc.uri.scheme === 'file' && CANDIDATE.test(doc.uri.path) && this.lsp.isRunning) {
      const key = `${doc.uri.toString()}@${doc.version}#${this.indexVersion}`;
      const cached = this.cache.get(key);
      if (cached !== undefined) runnable = cached;
      else {
        try {
          const info = await this.lsp.handlerInfo({ uri: doc.uri.toString() });
          runnable = !!info && !info.problem;
        } catch {
          runnable = false;
        }
        if (this.cache.size > 200) this.cache.clear();
        this.cache.set(key, runnable);
      }
      // The editor changed while we asked: the newer update decides.
      if (vscode.window.activeTextEditor?.document !== doc) return this.current;
    }
    this.current = runnable;
    await vscode.commands.executeCommand('setContext', ContextKeys.editorRunnable, runnable);
    this.changedEmitter.fire(runnable);
    return runnable;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
