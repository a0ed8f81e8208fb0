// How `bpnn train` tells about skipped steps (a gradient was not finite): in words on a
// terminal or in a file, as one JSON line with --json.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonReporter, plainReporter, skippedLine } from '../../cli/report';

const last = { epoch: 40, batch: 1, nodeId: 'fc2', layerType: 'Linear', tensor: 'weight', nan: 2, inf: 1 };

afterEach(() => vi.restoreAllMocks());

function captured(fn: () => void): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    lines.push(String(s).trimEnd());
    return true;
  });
  fn();
  vi.restoreAllMocks();
  return lines;
}

describe('skipped steps on the command line', () => {
  it('says how many, where the last one was, which values, and what to try', () => {
    expect(skippedLine(4, last)).toBe(
      "4 steps were skipped because a gradient was not a finite number (last at epoch 40, batch 1: the weight gradient of Linear 'fc2' had 2 NaN and 1 infinite values). Try a lower learning rate or gradient clipping (training.clipNorm in the project).",
    );
    expect(skippedLine(1, { ...last, inf: 0 })).toMatch(/^1 step was skipped .* had 2 NaN values\)/);
    expect(captured(() => plainReporter(false).skipped(4, last))).toEqual([skippedLine(4, last)]);
  });

  it('prints one JSON line with --json', () => {
    const [line] = captured(() => jsonReporter().skipped(4, last));
    expect(JSON.parse(line)).toEqual({ event: 'skipped', total: 4, ...last });
  });
});
