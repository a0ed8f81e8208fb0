// The Open Recent list: most recent first, at most MAX_RECENT, kept in <userData>/recent.json.
import path from 'node:path';
import { atomicWrite } from '../../node/files/atomic-write';
import { readOwnJson } from '../../node/files/read';

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
    // A missing, damaged or planted list starts empty.
    const value = await readOwnJson(this.file, MAX_RECENT_BYTES);
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
