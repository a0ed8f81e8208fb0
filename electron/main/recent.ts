// The Open Recent list: most recent first, at most MAX_RECENT, kept in <userData>/recent.json.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from './services/atomic-write';

export const MAX_RECENT = 10;

export class RecentFiles {
  private items: string[] = [];
  private readonly file: string;
  private readonly listeners = new Set<() => void>();

  constructor(userData: string) {
    this.file = path.join(userData, 'recent.json');
  }

  async load(): Promise<void> {
    try {
      const value: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (Array.isArray(value)) {
        this.items = value.filter((v): v is string => typeof v === 'string' && path.isAbsolute(v) && v.length < 4096).slice(0, MAX_RECENT);
      }
    } catch {
      this.items = [];
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
