// The training store, driven by a fake BpnnApi and a hand-cranked animation frame: events are
// applied in batches per frame, every epoch is kept, a finished run lands in the project.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics, Project, RunRecord, RunResult, TrainingEvent, Weights } from '../../../core/index';
import type { BpnnApi, StartTrainingRequest, StartTrainingResult } from '../../../runtime/api';
import { createTrainingStore, type TrainingDeps } from '../../../renderer/store/training';
import { estimateTimeLeft, startProblemsMessage } from '../../../renderer/store/training-events';
import { curvesFromMetrics as curvesOf } from '../../../core/index';
import { exampleProject } from '../fixtures';

function metric(epoch: number): EpochMetrics {
  return { epoch, loss: 1 / epoch, accuracy: epoch / 100, testLoss: null, testAccuracy: null, lr: 0.05 };
}

const RESULT: RunResult = { state: 'done', epochs: 3, loss: 0.1, accuracy: 1, testAccuracy: null, ms: 12 };
const WEIGHTS: Weights = { fc1: { weight: { shape: [1, 1], data: [0.5] } } };

function harness(opts: { startResult?: StartTrainingResult; startThrows?: Error; controlsThrow?: boolean } = {}) {
  let listener: ((e: TrainingEvent) => void) | null = null;
  const calls: string[] = [];
  const requests: StartTrainingRequest[] = [];
  const api = {
    startTraining: async (req: StartTrainingRequest) => {
      requests.push(req);
      if (opts.startThrows) throw opts.startThrows;
      return opts.startResult ?? { ok: true, shapes: [] };
    },
    pauseTraining: async (id: string) => {
      calls.push(`pause ${id}`);
      if (opts.controlsThrow) throw new Error('channel closed');
    },
    resumeTraining: async (id: string) => void calls.push(`resume ${id}`),
    stepTraining: async (id: string) => void calls.push(`step ${id}`),
    stopTraining: async (id: string) => void calls.push(`stop ${id}`),
    onTrainingEvent: (l: (e: TrainingEvent) => void) => {
      listener = l;
      return () => undefined;
    },
  } as unknown as BpnnApi;

  let project: Project = exampleProject('xor');
  let replacedListener: (() => void) | null = null;
  const setProject = (next: Project) => {
    project = next;
  };
  const frames: (() => void)[] = [];
  let clock = 0;
  let ids = 0;
  const deps: TrainingDeps = {
    api: () => api,
    project: () => ({
      project,
      setWeights: (weights) => setProject({ ...project, weights }),
      addRun: (run: RunRecord) => setProject({ ...project, runs: [...project.runs, run] }),
    }),
    onProjectReplaced: (l) => {
      replacedListener = l;
    },
    now: () => clock,
    nowIso: () => '2026-01-01T00:00:00.000Z',
    requestFrame: (cb) => void frames.push(cb),
    newRunId: () => `run-${(ids += 1)}`,
  };
  const store = createTrainingStore(deps);
  return {
    store,
    calls,
    requests,
    emit: (e: TrainingEvent) => listener?.(e),
    frame: () => frames.splice(0).forEach((f) => f()),
    pendingFrames: () => frames.length,
    tick: (ms: number) => {
      clock += ms;
    },
    project: () => project,
    replaceProject: (p: Project) => {
      setProject(p);
      replacedListener?.();
    },
  };
}

describe('training store', () => {
  it('starts a run with the project’s spec, dataset and settings, from fresh weights unless asked to continue', async () => {
    const h = harness();
    await h.store.getState().start();
    const req = h.requests[0];
    expect(req.runId).toBe('run-1');
    expect(req.request.dataset).toBe(h.project().dataset);
    expect(req.request.settings).toBe(h.project().training);
    expect(req.request.spec.nodes.map((n) => n.id)).toEqual(h.project().graph.nodes.map((n) => n.id));
    expect(req.request.initialWeights).toBeNull();
    expect(req.boundaryResolution).toBeGreaterThan(0);
    expect(h.store.getState()).toMatchObject({ status: 'running', runId: 'run-1', totalEpochs: 5000 });
  });

  it('continues from the current weights when that is chosen and weights exist', async () => {
    const h = harness();
    h.replaceProject({ ...h.project(), weights: WEIGHTS });
    h.store.getState().setContinueTraining(true);
    await h.store.getState().start();
    expect(h.requests[0].request.initialWeights).toBe(WEIGHTS);
  });

  it('applies a burst of events once per animation frame and keeps every epoch in order', async () => {
    const h = harness();
    await h.store.getState().start();
    for (let i = 0; i < 1000; i++) {
      h.emit({ type: 'progress', runId: 'run-1', epochs: [metric(2 * i + 1), metric(2 * i + 2)], batch: 2 * i + 2 });
    }
    expect(h.store.getState().metrics).toHaveLength(0);
    expect(h.pendingFrames()).toBe(1);
    h.frame();
    const m = h.store.getState().metrics;
    expect(m).toHaveLength(2000);
    expect(m.every((x, i) => x.epoch === i + 1)).toBe(true);
  });

  it('ignores events of other runs', async () => {
    const h = harness();
    await h.store.getState().start();
    h.emit({ type: 'progress', runId: 'someone-else', epochs: [metric(1)], batch: 1 });
    h.frame();
    expect(h.store.getState().metrics).toEqual([]);
  });

  it('follows pause and resume, and sends the controls for the current run', async () => {
    const h = harness();
    await h.store.getState().start();
    h.emit({ type: 'paused', runId: 'run-1', epoch: 3 });
    h.frame();
    expect(h.store.getState().status).toBe('paused');
    await h.store.getState().step();
    await h.store.getState().resume();
    h.emit({ type: 'resumed', runId: 'run-1' });
    h.frame();
    expect(h.store.getState().status).toBe('running');
    await h.store.getState().stop();
    expect(h.calls).toEqual(['step run-1', 'resume run-1', 'stop run-1']);
  });

  it('on done, writes the weights and one run record with every epoch into the project', async () => {
    const h = harness();
    await h.store.getState().start();
    h.emit({ type: 'progress', runId: 'run-1', epochs: [metric(1), metric(2), metric(3)], batch: 3 });
    h.emit({ type: 'done', runId: 'run-1', result: RESULT, weights: WEIGHTS });
    h.emit({ type: 'progress', runId: 'run-1', epochs: [metric(4)], batch: 4 });
    h.frame();
    const s = h.store.getState();
    expect(s.status).toBe('done');
    expect(s.metrics).toHaveLength(3);
    expect(h.project().weights).toBe(WEIGHTS);
    expect(h.project().runs).toHaveLength(1);
    const run = h.project().runs[0];
    expect(run).toMatchObject({ id: 'run-1', name: 'Run 1', createdAt: '2026-01-01T00:00:00.000Z', result: RESULT });
    expect(run.curves.loss).toEqual([1, 1 / 2, 1 / 3]);
    expect(run.curves.testLoss).toBeNull();
    // Recording the run is not mistaken for another project being opened.
    expect(h.store.getState().status).toBe('done');
  });

  it('on divergence, says what happened and what to try, and keeps the last good weights', async () => {
    const h = harness();
    await h.store.getState().start();
    const result: RunResult = {
      ...RESULT,
      state: 'diverged',
      loss: Number.NaN,
      diverged: {
        epoch: 7,
        batch: 1,
        value: 'NaN',
        where: { kind: 'loss' },
        lastFiniteLoss: 3.2,
        keptEpoch: 6,
        message: 'Loss became NaN at epoch 7.',
        advice: ['Lower the learning rate (for example ÷10).'],
      },
    };
    h.emit({ type: 'diverged', runId: 'run-1', result, weights: WEIGHTS });
    h.frame();
    const msg = h.store.getState().message;
    expect(msg?.title).toBe('Loss became NaN at epoch 7.');
    expect(msg?.advice).toEqual(['Lower the learning rate (for example ÷10).']);
    // The file format refuses NaN: the recorded result holds null instead.
    expect(h.project().runs[0].result.loss).toBeNull();
  });

  it('shows an engine error as a message, never a stack, and records nothing', async () => {
    const h = harness();
    await h.store.getState().start();
    h.emit({ type: 'error', runId: 'run-1', message: 'Training stopped unexpectedly: boom. Your project is safe.' });
    h.frame();
    expect(h.store.getState()).toMatchObject({ status: 'error', message: { title: 'Training stopped unexpectedly: boom. Your project is safe.' } });
    expect(h.project().runs).toEqual([]);
  });

  it('refuses to start with the problems named, and suggests Reset weights for weights that no longer fit', async () => {
    const h = harness({ startResult: { ok: false, problems: [{ code: 'bad-weights', nodeId: 'fc1' as never, message: 'weight is [32, 2], needs [16, 2].' }, { code: 'bad-setting', field: 'lr', message: 'lr must be > 0.' }] } });
    await h.store.getState().start();
    const s = h.store.getState();
    expect(s.status).toBe('error');
    expect(s.message?.details).toEqual(['fc1: weight is [32, 2], needs [16, 2].', 'lr: lr must be > 0.']);
    expect(s.message?.advice.join(' ')).toContain('Reset weights');
  });

  it('reports a failing transport at start as a message, not an exception', async () => {
    const h = harness({ startThrows: new Error('The main process refused: payload too large') });
    await h.store.getState().start();
    expect(h.store.getState()).toMatchObject({ status: 'error', message: { title: 'Training could not start.', details: ['The main process refused: payload too large'] } });
  });

  it('a control that fails to get through leaves the run as it was', async () => {
    const h = harness({ controlsThrow: true });
    await h.store.getState().start();
    await expect(h.store.getState().pause()).resolves.toBeUndefined();
    expect(h.store.getState().status).toBe('running');
  });

  it('keeps count of skipped steps (a gradient was not finite) and the latest, for the panel to explain', async () => {
    const h = harness();
    await h.store.getState().start();
    const last = { epoch: 4, batch: 2, nodeId: 'fc2', layerType: 'Linear', tensor: 'weight', nan: 3, inf: 0 };
    h.emit({ type: 'skipped', runId: 'run-1', total: 1, last: { ...last, epoch: 2 } });
    h.emit({ type: 'skipped', runId: 'run-1', total: 2, last });
    h.emit({ type: 'skipped', runId: 'someone-else', total: 9, last });
    h.frame();
    expect(h.store.getState().skipped).toEqual({ total: 2, last });
    // A new run starts with none.
    h.emit({ type: 'done', runId: 'run-1', result: RESULT, weights: WEIGHTS });
    h.frame();
    await h.store.getState().start();
    expect(h.store.getState().skipped).toBeNull();
  });

  it('forgets the run view and stops a running run when another project is opened', async () => {
    const h = harness();
    await h.store.getState().start();
    h.emit({ type: 'progress', runId: 'run-1', epochs: [metric(1)], batch: 1 });
    h.frame();
    h.replaceProject(exampleProject('linear'));
    expect(h.calls).toEqual(['stop run-1']);
    expect(h.store.getState()).toMatchObject({ status: 'idle', metrics: [], runId: null });
    // The old run's last events change nothing, in the view or in the new project.
    h.emit({ type: 'stopped', runId: 'run-1', result: { ...RESULT, state: 'stopped' }, weights: WEIGHTS });
    h.frame();
    expect(h.project().weights).toBeNull();
    expect(h.store.getState().status).toBe('idle');
  });

  it('Reset weights clears the project’s weights and the view', async () => {
    const h = harness();
    await h.store.getState().start();
    h.emit({ type: 'done', runId: 'run-1', result: RESULT, weights: WEIGHTS });
    h.frame();
    h.store.getState().resetWeights();
    expect(h.project().weights).toBeNull();
    expect(h.store.getState().status).toBe('idle');
  });

  it('estimates the time left from the pace so far', async () => {
    const h = harness();
    await h.store.getState().start();
    h.tick(1000);
    h.emit({ type: 'progress', runId: 'run-1', epochs: Array.from({ length: 100 }, (_, i) => metric(i + 1)), batch: 100 });
    h.frame();
    expect(h.store.getState().timeLeftMs).toBe(49_000);
    expect(estimateTimeLeft(0, 0, 10)).toBeNull();
  });

  it('gives no estimate from the start-up epochs alone (issue 13 §6)', () => {
    // Epoch 2 of 5000 after 4 s: the first epochs carry the start-up, so no "34 min left".
    expect(estimateTimeLeft(4000, 2, 5000)).toBeNull();
    // Enough epochs but too short a time, and the other way round.
    expect(estimateTimeLeft(200, 500, 5000)).toBeNull();
    expect(estimateTimeLeft(5000, 50, 5000)).toBeNull();
    expect(estimateTimeLeft(5000, 100, 5000)).toBe(245_000);
    expect(estimateTimeLeft(10, 5000, 5000)).toBe(0);
  });
});

describe('run records', () => {
  it('stop the curves at the first non-finite value, so the project stays savable', () => {
    const m = [metric(1), { ...metric(2), loss: Number.POSITIVE_INFINITY }, metric(3)];
    expect(curvesOf(m).loss).toEqual([1]);
  });

  it('name the row and column of a data problem', () => {
    expect(startProblemsMessage([{ code: 'bad-data', row: 17, column: 'x3', message: 'not a number' }]).details).toEqual(["row 17, column 'x3': not a number"]);
  });
});
