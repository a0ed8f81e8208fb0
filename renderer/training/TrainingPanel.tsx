// Training settings: loss, optimizer, schedule, epochs, the update regime (per sample,
// mini-batches, full batch), init, seed, clipping; a progress bar with epoch, loss, accuracy and
// time left; and what went wrong. The run controls themselves are in the toolbar (RunBar).
import {
  EPOCHS_BOUND,
  GAMMA_BOUND,
  LAB_BCE_CLIP,
  LR_BOUND,
  MAX_BATCH_SIZE,
  MIN_LR_BOUND,
  REGIMES,
  REGIME_LABELS,
  SEED_BOUND,
  STEP_SIZE_BOUND,
  nonFiniteValuesText,
  regimeOf,
  withBatchSize,
  withRegime,
} from '../../core/index';
import type { InitName, LossName, OptimizerName, OptimizerSettings, ScheduleSettings, TrainingSettings, UpdateRegime } from '../../core/index';
import { useProjectStore } from '../store/project';
import { useTrainingStore } from '../store/training';
import { useMainRun } from '../store/use-main-run';
import { fullNumber } from '../../core/index';
import { formatNumber, isActive } from '../store/training-events';
import { useStaleParts } from '../store/use-stale-parts';
import { CheckField, NumberField, SelectField } from './fields';
import { MemoryEstimateNote, MemoryLimitField } from './memory';
import { formatDuration, switchOptimizer, switchSchedule } from './settings-edit';
import './training.css';

const LOSSES: { value: LossName; label: string }[] = [
  { value: 'bce', label: 'Binary cross-entropy' },
  { value: 'crossEntropy', label: 'Cross-entropy (Softmax)' },
  { value: 'mse', label: 'Mean squared error' },
];
const OPTIMIZERS: { value: OptimizerName; label: string }[] = [
  { value: 'SGD', label: 'SGD' },
  { value: 'Momentum', label: 'SGD with momentum' },
  { value: 'RMSProp', label: 'RMSProp' },
  { value: 'Adam', label: 'Adam' },
];
const SCHEDULES: { value: ScheduleSettings['type']; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'step', label: 'Step decay' },
  { value: 'exponential', label: 'Exponential decay' },
  { value: 'cosine', label: 'Cosine' },
];
const REGIME_OPTIONS: { value: UpdateRegime; label: string }[] = REGIMES.map((value) => ({ value, label: REGIME_LABELS[value] }));
const REGIME_HELP: Record<UpdateRegime, string> = {
  perSample: 'The weights change after every sample, in the data’s order; the epoch’s loss is the mean of its samples’ losses.',
  miniBatch: 'The weights change once per batch, from the mean over its samples.',
  fullBatch: 'One step per epoch, from the mean over every training sample.',
};
const INITS: { value: InitName; label: string }[] = [
  { value: 'normal', label: 'Standard normal (the lab)' },
  { value: 'xavier', label: 'Xavier / Glorot' },
  { value: 'he', label: 'He / Kaiming' },
];

const UNIT = { min: 0, max: 0.999999 };
const EPS = { min: 0, max: 1, exclusiveMin: true };

function OptimizerFields({ opt, set }: { opt: OptimizerSettings; set(o: OptimizerSettings): void }) {
  const lr = <NumberField label="Learning rate" value={opt.lr} rule={LR_BOUND} onCommit={(v) => set({ ...opt, lr: v ?? opt.lr })} />;
  switch (opt.type) {
    case 'SGD':
      return lr;
    case 'Momentum':
      return (
        <>
          {lr}
          <NumberField label="Momentum" value={opt.momentum} rule={UNIT} onCommit={(v) => set({ ...opt, momentum: v ?? opt.momentum })} />
        </>
      );
    case 'RMSProp':
      return (
        <>
          {lr}
          <NumberField label="Alpha (decay)" value={opt.alpha} rule={UNIT} onCommit={(v) => set({ ...opt, alpha: v ?? opt.alpha })} />
          <NumberField label="Epsilon" value={opt.eps} rule={EPS} onCommit={(v) => set({ ...opt, eps: v ?? opt.eps })} />
        </>
      );
    case 'Adam':
      return (
        <>
          {lr}
          <NumberField label="Beta 1" value={opt.beta1} rule={UNIT} onCommit={(v) => set({ ...opt, beta1: v ?? opt.beta1 })} />
          <NumberField label="Beta 2" value={opt.beta2} rule={UNIT} onCommit={(v) => set({ ...opt, beta2: v ?? opt.beta2 })} />
          <NumberField label="Epsilon" value={opt.eps} rule={EPS} onCommit={(v) => set({ ...opt, eps: v ?? opt.eps })} />
        </>
      );
  }
}

function ScheduleFields({ s, set }: { s: ScheduleSettings; set(v: ScheduleSettings): void }) {
  switch (s.type) {
    case 'constant':
      return null;
    case 'step':
      return (
        <>
          <NumberField label="Step size (epochs)" value={s.stepSize} rule={STEP_SIZE_BOUND} onCommit={(v) => set({ ...s, stepSize: v ?? s.stepSize })} />
          <NumberField label="Gamma" value={s.gamma} rule={GAMMA_BOUND} onCommit={(v) => set({ ...s, gamma: v ?? s.gamma })} />
        </>
      );
    case 'exponential':
      return <NumberField label="Gamma" value={s.gamma} rule={GAMMA_BOUND} onCommit={(v) => set({ ...s, gamma: v ?? s.gamma })} />;
    case 'cosine':
      return <NumberField label="Minimum learning rate" value={s.minLr} rule={MIN_LR_BOUND} onCommit={(v) => set({ ...s, minLr: v ?? s.minLr })} />;
  }
}

function SettingsForm({ t, update, disabled }: { t: TrainingSettings; update(p: Partial<TrainingSettings>): void; disabled: boolean }) {
  const regime = regimeOf(t);
  return (
    <fieldset className="settings" disabled={disabled}>
      <legend>Settings</legend>
      <SelectField label="Loss" value={t.loss} options={LOSSES} onChange={(loss) => update({ loss })} />
      <SelectField label="Optimizer" value={t.optimizer.type} options={OPTIMIZERS} onChange={(type) => update({ optimizer: switchOptimizer(t.optimizer, type) })} />
      <OptimizerFields opt={t.optimizer} set={(optimizer) => update({ optimizer })} />
      <SelectField label="Learning-rate schedule" value={t.schedule.type} options={SCHEDULES} onChange={(type) => update({ schedule: switchSchedule(t.schedule, type) })} />
      <ScheduleFields s={t.schedule} set={(schedule) => update({ schedule })} />
      <NumberField label="Epochs" value={t.epochs} rule={EPOCHS_BOUND} onCommit={(v) => update({ epochs: v ?? t.epochs })} />
      <SelectField label="Updates" value={regime} options={REGIME_OPTIONS} help={REGIME_HELP[regime]} onChange={(r) => update(withRegime(t, r))} />
      {regime === 'miniBatch' ? (
        <>
          <NumberField
            label="Batch size"
            value={t.batchSize}
            rule={{ min: 1, max: MAX_BATCH_SIZE, integer: true }}
            onCommit={(v) => update(withBatchSize(t, v ?? t.batchSize))}
          />
          <CheckField label="Shuffle every epoch" checked={t.shuffle} onChange={(shuffle) => update({ shuffle })} />
        </>
      ) : null}
      <SelectField label="Initial weights" value={t.init} options={INITS} onChange={(init) => update({ init })} />
      <NumberField label="Seed" value={t.seed} rule={SEED_BOUND} help="Same seed, same numbers." onCommit={(v) => update({ seed: v ?? t.seed })} />
      <NumberField
        label="Clip gradient norm"
        value={t.clipNorm}
        rule={{ min: 0, max: 1e6, exclusiveMin: true, optional: true }}
        placeholder="off"
        help="Empty = off."
        onCommit={(v) => update({ clipNorm: v })}
      />
      {t.loss === 'bce' ? (
        <CheckField
          label={`Clip like the lab (${(t.bceClip ?? LAB_BCE_CLIP).toExponential()})`}
          checked={t.bceClip != null}
          onChange={(on) => update({ bceClip: on ? LAB_BCE_CLIP : null })}
        />
      ) : null}
    </fieldset>
  );
}

function Progress() {
  const status = useTrainingStore((s) => s.status);
  const metrics = useTrainingStore((s) => s.metrics);
  const liveTotal = useTrainingStore((s) => s.totalEpochs);
  const timeLeft = useTrainingStore((s) => s.timeLeftMs);
  const lastRun = useMainRun();
  // Results of another set-up are not this one's: no "done … 100%" after the data changed (issue 13 §1, §6).
  const previous = useStaleParts().length > 0;
  // Before any run in this session (e.g. a project just opened), show its last saved run.
  const saved = status === 'idle' && lastRun ? lastRun : null;
  const last = saved
    ? { loss: saved.result.loss ?? Number.NaN, accuracy: saved.result.accuracy ?? Number.NaN, testAccuracy: saved.result.testAccuracy }
    : metrics[metrics.length - 1];
  const done = previous ? 0 : saved ? saved.result.epochs : metrics.length;
  const total = previous ? 0 : saved ? saved.settings.epochs : liveTotal;
  const statusText = previous ? 'previous set-up: train again' : saved ? `last run: ${saved.result.state}` : status;
  const shown = previous ? undefined : last;
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  const acc = shown && Number.isFinite(shown.accuracy) ? `${(shown.accuracy * 100).toFixed(1)}%` : '—';
  const testAcc = shown && shown.testAccuracy !== null ? ` (test ${(shown.testAccuracy * 100).toFixed(1)}%)` : '';
  return (
    <div className="progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        aria-valuetext={total ? `Epoch ${done} of ${total}` : 'Not started'}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="progress-stats" aria-live="off">
        <div>
          <dt>Status</dt>
          <dd data-testid="run-status">{statusText}</dd>
        </div>
        <div>
          <dt>Epoch</dt>
          <dd data-testid="run-epoch">{total ? `${done} / ${total}` : '—'}</dd>
        </div>
        <div>
          <dt>Loss</dt>
          <dd data-testid="run-loss" title={shown ? fullNumber(shown.loss) : undefined}>{shown && Number.isFinite(shown.loss) ? formatNumber(shown.loss) : '—'}</dd>
        </div>
        <div>
          <dt>Accuracy</dt>
          <dd data-testid="run-accuracy">{acc + testAcc}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{isActive(status) && timeLeft !== null ? formatDuration(timeLeft) : '—'}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Divergence: one click applies a suggested fix and trains again from fresh weights. */
function DivergenceActions() {
  const training = useProjectStore((s) => s.project.training);
  const updateTraining = useProjectStore((s) => s.updateTraining);
  const restart = (patch: Partial<TrainingSettings>) => {
    updateTraining(patch);
    const run = useTrainingStore.getState();
    run.setContinueTraining(false);
    void run.start();
  };
  const lr = training.optimizer.lr / 10;
  return (
    <div className="run-message-actions">
      <button type="button" onClick={() => restart({ optimizer: { ...training.optimizer, lr } })}>
        Restart with learning rate {String(Number(lr.toPrecision(3)))}
      </button>
      {training.clipNorm === null ? (
        <button type="button" onClick={() => restart({ clipNorm: 1 })}>
          Restart with gradient clipping at 1
        </button>
      ) : null}
    </div>
  );
}

/**
 * Steps left out because a gradient was not a finite number: the run goes on with the weights
 * as they were, and the learner hears where it happened and what usually helps.
 */
function SkippedStepsNote() {
  const skipped = useTrainingStore((s) => s.skipped);
  const status = useTrainingStore((s) => s.status);
  if (!skipped || status === 'diverged' || status === 'idle') return null;
  const { total, last } = skipped;
  return (
    <div className="run-message run-warning" role="status" data-testid="skipped-steps">
      <p className="run-message-title">
        {total === 1 ? '1 training step was' : `${total} training steps were`} skipped: a gradient was not a finite number, so the weights were left as they were.
      </p>
      <ul>
        <li>
          Last at epoch {last.epoch}, batch {last.batch}: the {last.tensor} gradient of {last.layerType} '{last.nodeId}' had {nonFiniteValuesText(last)} values.
        </li>
      </ul>
      <p className="run-message-next">What to try: a lower learning rate, gradient clipping, or inputs on a smaller scale.</p>
    </div>
  );
}

function RunMessageBox() {
  const message = useTrainingStore((s) => s.message);
  const status = useTrainingStore((s) => s.status);
  if (!message) return null;
  return (
    <div className="run-message" role="alert">
      <p className="run-message-title">{message.title}</p>
      {message.details.length ? (
        <ul>
          {message.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      {message.advice.length ? (
        <>
          <p className="run-message-next">What to try:</p>
          <ul>
            {message.advice.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
      {status === 'diverged' ? <DivergenceActions /> : null}
    </div>
  );
}

export function TrainingPanel() {
  const training = useProjectStore((s) => s.project.training);
  const hasWeights = useProjectStore((s) => s.project.weights !== null);
  const updateTraining = useProjectStore((s) => s.updateTraining);
  const status = useTrainingStore((s) => s.status);
  const continueTraining = useTrainingStore((s) => s.continueTraining);
  const run = useTrainingStore.getState();
  const active = isActive(status);

  return (
    <section className="training-panel" aria-label="Training">
      <p className="run-bar-note">Train, Pause, Step, Stop and Reset are in the toolbar (Ctrl+Enter trains; Space pauses while the canvas has focus).</p>
      <CheckField
        label="Continue from current weights"
        checked={continueTraining && hasWeights}
        disabled={active || !hasWeights}
        onChange={(on) => run.setContinueTraining(on)}
      />
      <MemoryEstimateNote />
      <Progress />
      <RunMessageBox />
      <SkippedStepsNote />
      <SettingsForm t={training} update={updateTraining} disabled={active} />
      <MemoryLimitField disabled={active} />
    </section>
  );
}
