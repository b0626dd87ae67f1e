/** Collects a stream's bytes up to a limit and says how much was dropped. */
import { StringDecoder } from 'node:string_decoder';
import { formatMessage, type Localize } from '../l10n';

export const OUTPUT_LIMIT_BYTES = 1024 * 1024;

export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;
  private readonly live = new StringDecoder('utf8');

  constructor(private readonly limit: number, private readonly onText?: (text: string) => void) {}

  push(chunk: Buffer): void {
    const room = this.limit - this.kept;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.kept += part.length;
      if (this.onText) {
        const text = this.live.write(part);
        if (text) this.onText(text);
      }
    }
    if (chunk.length > room) this.dropped += chunk.length - Math.max(room, 0);
  }

  get truncatedBytes(): number { return this.dropped; }

  buffer(): Buffer { return Buffer.concat(this.chunks); }

  /** UTF-8 text, with a one-line note (localized by `t`) when output was cut. */
  text(t: Localize = formatMessage): string {
    let text = this.buffer().toString('utf8');
    if (this.dropped > 0) {
      if (!text.endsWith('\n')) text += '\n';
      text += t('[jitai-events: output truncated, {0} more bytes not shown]', this.dropped) + '\n';
    }
    return text;
  }
}
