// The CLI's atomic write: the target is either the old file or the complete new one, and no
// temp file is left behind either way.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../cli/files';
import { CliError } from '../../cli/errors';
import { tempDir } from './run';

describe('writeFileAtomic', () => {
  it('replaces the file with the new content and leaves no temp file', () => {
    const dir = tempDir();
    const target = join(dir, 'p.bpnn');
    writeFileSync(target, 'old');
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['p.bpnn']);
  });

  it('when the rename fails, reports it, keeps nothing half-written and removes the temp file', () => {
    const dir = tempDir();
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    expect(() => writeFileAtomic(target, 'new')).toThrow(CliError);
    expect(() => writeFileAtomic(target, 'new')).toThrow(/^Could not write '.*taken': .*Nothing was changed\.$/);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});
