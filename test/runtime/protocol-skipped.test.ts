// What the training worker may send the main process: each event is checked against a strict
// schema before it is relayed to the window (S5); here the 'skipped' event's.
import { describe, expect, it } from 'vitest';
import { parseWorkerMessage } from '../../runtime/protocol';

const last = { epoch: 4, batch: 2, nodeId: 'fc2', layerType: 'Linear', tensor: 'weight', nan: 3, inf: 0 };
const skipped = (over: Record<string, unknown> = {}, lastOver: Record<string, unknown> = {}) => ({
  kind: 'event',
  event: { type: 'skipped', runId: 'run-1', total: 2, last: { ...last, ...lastOver }, ...over },
});

describe('worker messages: skipped steps', () => {
  it('accepts a well-formed report of skipped steps', () => {
    expect(parseWorkerMessage(skipped())).toEqual(skipped());
  });

  it('refuses a count that is not a positive whole number, a missing place, or an unknown key', () => {
    expect(parseWorkerMessage(skipped({ total: 0 }))).toBeNull();
    expect(parseWorkerMessage(skipped({ total: 1.5 }))).toBeNull();
    expect(parseWorkerMessage(skipped({}, { nodeId: undefined }))).toBeNull();
    expect(parseWorkerMessage(skipped({}, { nan: -1 }))).toBeNull();
    expect(parseWorkerMessage(skipped({ extra: true }))).toBeNull();
  });
});
