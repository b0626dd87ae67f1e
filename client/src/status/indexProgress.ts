/**
 * A progress notification for a full index that takes longer than about a second: the server's
 * work-done progress ("1234/21000 files") is shown with grouped numbers and its unit
 * ("1,234 / 21,000 files"). Short indexes show nothing besides the status bar.
 */
import * as vscode from 'vscode';

const DELAY_MS = 1000;

/** "1,234 / 21,000 files" from the server's "1234/21000 …" report, or undefined when it has no counter. */
export function counterText(message: string | undefined, locale: string, t: (m: string, ...a: string[]) => string): string | undefined {
  const m = message && /(\d+)\s*\/\s*(\d+)/.exec(message);
  if (!m) return undefined;
  const fmt = (n: string) => Number(n).toLocaleString(locale);
  return t('{0} / {1} files', fmt(m[1]), fmt(m[2]));
}

export class IndexProgress implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private active: { report(message: string): void; end(): void } | undefined;
  private lastMessage: string | undefined;
  /** Fires each time a notification opens (for tests and the log). */
  private readonly shownEmitter = new vscode.EventEmitter<void>();
  readonly onDidShow = this.shownEmitter.event;
  /** Counter texts shown so far in the current notification. */
  readonly shownMessages: string[] = [];

  constructor(private readonly delayMs = DELAY_MS) {}

  /** A work-done progress message from the language server. */
  handle(params: { kind: string; message?: string }): void {
    const text = counterText(params.message, vscode.env.language, vscode.l10n.t);
    if (text) this.lastMessage = text;
    if (params.kind === 'begin') {
      this.end();
      this.timer = setTimeout(() => this.show(), this.delayMs);
    } else if (params.kind === 'report') {
      if (text) this.active?.report(text);
    } else if (params.kind === 'end') {
      this.end();
    }
  }

  private show(): void {
    this.timer = undefined;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing JitAi apps'), cancellable: false },
      (progress) => new Promise<void>((resolve) => {
        const report = (message: string) => { this.shownMessages.push(message); progress.report({ message }); };
        this.active = { report, end: resolve };
        if (this.lastMessage) report(this.lastMessage);
        this.shownEmitter.fire();
      }),
    );
  }

  private end(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.active?.end();
    this.active = undefined;
  }

  dispose(): void {
    this.end();
    this.shownEmitter.dispose();
  }
}
