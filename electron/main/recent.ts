// The Open Recent list: most recent first, at most MAX_RECENT, kept in <userData>/recent.json.
import path from 'node:path';
import { decodeText } from '../../core/index';
import { atomicWrite } from '../../node/files/atomic-write';
import { readRegularFile } from '../../node/files/read';

export const MAX_RECENT = 10;
/** Ten paths of at most 4 KiB each, with room to spare; anything bigger is not our list. */
const MAX_RECENT_BYTES = 256 * 1024;

export class RecentFiles {
  private items: string[] = [];
  private readonly file: string;
  private readonly listeners = new Set<() => void>();

  constructor(userData: string) {
    this.file = path.join(userData, 'recent.json');
  }

  async load(): Promise<void> {
    this.items = [];
    // A missing, damaged or planted (FIFO, device, huge) list starts empty rather than blocking start-up.
    const read = await readRegularFile(this.file, MAX_RECENT_BYTES);
    const decoded = read.ok ? decodeText(read.bytes) : null;
    if (!decoded?.ok) return;
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch {
      return;
    }
    if (Array.isArray(value)) {
      this.items = value.filter((v): v is string => typeof v === 'string' && path.isAbsolute(v) && v.length < 4096).slice(0, MAX_RECENT);
    }
  }

  list(): string[] {
    return [...this.items];
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  add(filePath: string): void {
    const abs = path.resolve(filePath);
    this.items = [abs, ...this.items.filter((p) => p !== abs)].slice(0, MAX_RECENT);
    this.changed();
  }

  clear(): void {
    this.items = [];
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l();
    void atomicWrite(this.file, JSON.stringify(this.items)).catch(() => undefined);
  }
}
