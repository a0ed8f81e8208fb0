// F1 with D5/D6: the limits of import, save, backup and open agree. The largest dataset a CSV
// import accepts is saved to disk and backed up, and both open again; a project that could not be
// opened again is neither saved nor backed up, and nothing is written (the check runs in core's
// serializeProject, before any file is touched).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_DATA_BYTES, MAX_PROJECT_BYTES, buildRunRecord, newProject, type DatasetSpec, type Project } from '../../core/index';
import { BackupService, documentIdFor } from '../../electron/main/services/backups';
import { FileService } from '../../electron/main/services/files';
import { largestWideRows, wideDataset } from '../helpers/big-data';
import { english } from '../helpers/said';

/** These tests write and read 60 MiB files several times; a loaded 2-core machine needs the room. */
const BIG_TIMEOUT_MS = 120_000;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bpnn-limits-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Let a backup whose debounce is 0 start, then wait for it. */
async function backUp(backups: BackupService, id: string, fileName: string, project: Project): Promise<void> {
  backups.update(id, { fileName, filePath: null, project });
  await new Promise((resolve) => setTimeout(resolve, 0));
  await backups.idle();
}

const rowsOf = (d: DatasetSpec): number => (d.kind === 'inline' ? d.features.length : 0);

describe('save and backup limits agree with open (F1, D5, D6)', () => {
  it('F1 the largest dataset an import accepts, trained 3 times, saves within 64 MiB, is backed up, and both open again', { timeout: BIG_TIMEOUT_MS }, async () => {
    // The most rows a CSV import accepts (test/core/project/savable.test.ts imports this file and one row more).
    const rows = largestWideRows();
    const dataset = wideDataset(rows);
    const base: Project = { ...newProject(), name: 'big', dataset };
    // Runs on the project's data name it in the file rather than copy it (docs/format.md "runs").
    const runs = [1, 2, 3].map((i) =>
      buildRunRecord({
        id: `r${i}`,
        name: `Run ${i}`,
        createdAt: '2026-11-27T12:00:00.000Z',
        settings: base.training,
        dataset,
        metrics: [{ epoch: 1, loss: 0.5, accuracy: 1, testLoss: null, testAccuracy: null, lr: 0.05 }],
        result: { state: 'done', epochs: 1, loss: 0.5, accuracy: 1, testAccuracy: null, ms: 1 },
      }),
    );
    const project: Project = { ...base, runs };

    const files = new FileService();
    const file = path.join(dir, 'big.bpnn');
    expect(await files.save(project, file)).toEqual({ ok: true, filePath: file, fileName: 'big.bpnn' });
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(MAX_DATA_BYTES - 1000); // within about a row of the data limit
    expect(size).toBeLessThanOrEqual(MAX_PROJECT_BYTES);
    const opened = await files.open(file);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    expect(rowsOf(opened.project.dataset)).toBe(rows);
    expect(opened.project.runs.map((r) => r.dataset === opened.project.dataset)).toEqual([true, true, true]);

    const backups = new BackupService({ userData: dir, debounceMs: 0 });
    await backups.start();
    const id = documentIdFor(null);
    await backUp(backups, id, 'big.bpnn', project);
    const restored = await backups.restore(id);
    if (!restored.ok) throw new Error(JSON.stringify(restored));
    expect(rowsOf(restored.project.dataset)).toBe(rows);
    expect(restored.project.runs.map((r) => r.dataset === restored.project.dataset)).toEqual([true, true, true]);
    expect(restored.project.dataset.kind === 'inline' && restored.project.dataset.features[rows - 1]).toEqual(dataset.kind === 'inline' && dataset.features[rows - 1]);
  });

  it('F1 refuses to save or back up a project open would refuse by its size, and writes nothing', { timeout: BIG_TIMEOUT_MS }, async () => {
    // 24 column names of a million '€': 24 M characters but 68.7 MiB in UTF-8 on disk.
    const name = '€'.repeat(1_000_000);
    const project: Project = {
      ...newProject(),
      dataset: { kind: 'inline', name: 'wide.csv', featureNames: new Array<string>(24).fill(name), features: [new Array<number>(24).fill(0.5)], labels: [0], classNames: ['a', 'b'] },
    };
    const files = new FileService();
    const saved = await files.save(project, path.join(dir, 'big.bpnn'));
    expect(english(saved)).toEqual({
      ok: false,
      canceled: false,
      conflict: false,
      message: "Could not save 'big.bpnn': The project would be 68.7 MiB, over the 64 MiB a project file may hold: its dataset takes 68.7 MiB. To make it fit, use a smaller sample of the data; the project is not saved.",
    });
    expect(readdirSync(dir)).toEqual([]);

    const log: string[] = [];
    const userData = path.join(dir, 'user');
    const backups = new BackupService({ userData, debounceMs: 0, log: (m) => log.push(m) });
    await backups.start();
    const id = documentIdFor(null);
    await backUp(backups, id, 'big.bpnn', project);
    expect(readdirSync(path.join(userData, 'Backups'))).toEqual(['running']);
    expect(log).toEqual(["backup of 'big.bpnn' skipped: The project would be 68.7 MiB, over the 64 MiB a project file may hold: its dataset takes 68.7 MiB. To make it fit, use a smaller sample of the data; the project is not saved"]);
  });
});
