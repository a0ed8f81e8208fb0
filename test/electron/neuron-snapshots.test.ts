// Issue 6 on the desktop: a run that asks for neuron views gets, from the real worker thread and
// through the host's message validation, 'weights' events with the run's weights and every
// dense unit over the input plane; a run that does not ask gets none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingHost } from '../../electron/main/services/training-host';
import type { TrainingEvent } from '../../core/index';
import { buildBundles } from './helpers/bundle';
import { xorRequest } from './helpers/requests';

let host: TrainingHost;
beforeAll(async () => {
  const { 'training-worker': workerPath } = await buildBundles({ 'training-worker': 'runtime/training-worker.ts' });
  host = new TrainingHost({ workerPath, poolSize: 1 });
}, 600_000);
afterAll(() => host.dispose());

function run(runId: string): Promise<TrainingEvent[]> {
  const events: TrainingEvent[] = [];
  return new Promise((resolve) => {
    host.onEvent((e) => {
      if (e.runId !== runId) return;
      events.push(e);
      if (['done', 'stopped', 'diverged', 'error'].includes(e.type)) resolve(events);
    });
  });
}

describe('neuron-view snapshots from the desktop training worker', () => {
  it('come with the boundary grids when the run asks, and carry weights and unit grids', async () => {
    const ended = run('neurons');
    const started = await host.start({ ...xorRequest('neurons', 300, 8), neuronResolution: 10 });
    expect(started.ok).toBe(true);
    const events = await ended;
    const snaps = events.filter((e): e is Extract<TrainingEvent, { type: 'weights' }> => e.type === 'weights');
    expect(snaps.length).toBeGreaterThanOrEqual(1);
    const last = snaps[snaps.length - 1];
    expect(Object.keys(last.weights).sort()).toEqual(['fc1', 'fc2', 'fc3']);
    expect(last.neurons!.map((g) => g.nodeId)).toEqual(['fc1', 'sig1', 'fc2', 'sig2', 'fc3', 'sig3']);
    expect(last.neurons![1].values).toBeInstanceOf(Float32Array);
    expect(last.neurons![1].values.length).toBe(32 * 100);
    // The final snapshot goes with the final boundary grid: the weights the run ends with.
    const done = events[events.length - 1];
    if (done.type === 'done') expect(last.weights).toEqual(done.weights);
  });

  it('are not sent to a run that did not ask', async () => {
    const ended = run('plain');
    await host.start(xorRequest('plain', 50, 8));
    expect((await ended).some((e) => e.type === 'weights')).toBe(false);
  });
});
