// Training settings: loss, optimizer, schedule, epochs, the update regime (per sample,
// mini-batches, full batch), init, seed, clipping; a progress bar with epoch, loss, accuracy and
// time left; and what went wrong. The run controls themselves are in the toolbar (RunBar).
import { useTranslation } from 'react-i18next';
import {
  EPOCHS_BOUND,
  GAMMA_BOUND,
  LAB_BCE_CLIP,
  LR_BOUND,
  MAX_BATCH_SIZE,
  MIN_LR_BOUND,
  REGIMES,
  SEED_BOUND,
  STEP_SIZE_BOUND,
  nonFiniteValuesSaid,
  nonFiniteValuesText,
  regimeOf,
  withBatchSize,
  withRegime,
} from '../../core/index';
import type { InitName, LossName, OptimizerName, OptimizerSettings, ScheduleSettings, TrainingSettings } from '../../core/index';
import { useProjectStore } from '../store/project';
import { useTrainingStore } from '../store/training';
import { useMainRun } from '../store/use-main-run';
import { fullNumber } from '../../core/index';
import { formatNumber, isActive, problemLine } from '../store/training-events';
import { useStaleParts } from '../store/use-stale-parts';
import { useSpoken } from '../i18n/core-text';
import { CheckField, NumberField, SelectField } from './fields';
import { MemoryEstimateNote, MemoryLimitField } from './memory';
import { formatDuration, switchOptimizer, switchSchedule } from './settings-edit';
import './training.css';

// Each option's label is `training.<list>.<value>` in the catalogs.
const LOSSES: readonly LossName[] = ['bce', 'crossEntropy', 'mse'];
const OPTIMIZERS: readonly OptimizerName[] = ['SGD', 'Momentum', 'RMSProp', 'Adam'];
const SCHEDULES: readonly ScheduleSettings['type'][] = ['constant', 'step', 'exponential', 'cosine'];
const INITS: readonly InitName[] = ['normal', 'xavier', 'he'];

const UNIT = { min: 0, max: 0.999999 };
const EPS = { min: 0, max: 1, exclusiveMin: true };

function OptimizerFields({ opt, set }: { opt: OptimizerSettings; set(o: OptimizerSettings): void }) {
  const { t } = useTranslation();
  const lr = <NumberField label={t('training.lr')} value={opt.lr} rule={LR_BOUND} onCommit={(v) => set({ ...opt, lr: v ?? opt.lr })} />;
  switch (opt.type) {
    case 'SGD':
      return lr;
    case 'Momentum':
      return (
        <>
          {lr}
          <NumberField label={t('training.momentum')} value={opt.momentum} rule={UNIT} onCommit={(v) => set({ ...opt, momentum: v ?? opt.momentum })} />
        </>
      );
    case 'RMSProp':
      return (
        <>
          {lr}
          <NumberField label={t('training.alpha')} value={opt.alpha} rule={UNIT} onCommit={(v) => set({ ...opt, alpha: v ?? opt.alpha })} />
          <NumberField label={t('training.eps')} value={opt.eps} rule={EPS} onCommit={(v) => set({ ...opt, eps: v ?? opt.eps })} />
        </>
      );
    case 'Adam':
      return (
        <>
          {lr}
          <NumberField label={t('training.beta1')} value={opt.beta1} rule={UNIT} onCommit={(v) => set({ ...opt, beta1: v ?? opt.beta1 })} />
          <NumberField label={t('training.beta2')} value={opt.beta2} rule={UNIT} onCommit={(v) => set({ ...opt, beta2: v ?? opt.beta2 })} />
          <NumberField label={t('training.eps')} value={opt.eps} rule={EPS} onCommit={(v) => set({ ...opt, eps: v ?? opt.eps })} />
        </>
      );
  }
}

function ScheduleFields({ s, set }: { s: ScheduleSettings; set(v: ScheduleSettings): void }) {
  const { t } = useTranslation();
  switch (s.type) {
    case 'constant':
      return null;
    case 'step':
      return (
        <>
          <NumberField label={t('training.stepSize')} value={s.stepSize} rule={STEP_SIZE_BOUND} onCommit={(v) => set({ ...s, stepSize: v ?? s.stepSize })} />
          <NumberField label={t('training.gamma')} value={s.gamma} rule={GAMMA_BOUND} onCommit={(v) => set({ ...s, gamma: v ?? s.gamma })} />
        </>
      );
    case 'exponential':
      return <NumberField label={t('training.gamma')} value={s.gamma} rule={GAMMA_BOUND} onCommit={(v) => set({ ...s, gamma: v ?? s.gamma })} />;
    case 'cosine':
      return <NumberField label={t('training.minLr')} value={s.minLr} rule={MIN_LR_BOUND} onCommit={(v) => set({ ...s, minLr: v ?? s.minLr })} />;
  }
}

function SettingsForm({ s, update, disabled }: { s: TrainingSettings; update(p: Partial<TrainingSettings>): void; disabled: boolean }) {
  const { t } = useTranslation();
  const regime = regimeOf(s);
  return (
    <fieldset className="settings" disabled={disabled}>
      <legend>{t('training.settings')}</legend>
      <SelectField label={t('training.loss')} value={s.loss} options={LOSSES.map((value) => ({ value, label: t(`training.losses.${value}`) }))} onChange={(loss) => update({ loss })} />
      <SelectField
        label={t('training.optimizer')}
        value={s.optimizer.type}
        options={OPTIMIZERS.map((value) => ({ value, label: t(`training.optimizers.${value}`) }))}
        onChange={(type) => update({ optimizer: switchOptimizer(s.optimizer, type) })}
      />
      <OptimizerFields opt={s.optimizer} set={(optimizer) => update({ optimizer })} />
      <SelectField
        label={t('training.schedule')}
        value={s.schedule.type}
        options={SCHEDULES.map((value) => ({ value, label: t(`training.schedules.${value}`) }))}
        onChange={(type) => update({ schedule: switchSchedule(s.schedule, type) })}
      />
      <ScheduleFields s={s.schedule} set={(schedule) => update({ schedule })} />
      <NumberField label={t('training.epochs')} value={s.epochs} rule={EPOCHS_BOUND} onCommit={(v) => update({ epochs: v ?? s.epochs })} />
      <SelectField
        label={t('training.updates')}
        value={regime}
        options={REGIMES.map((value) => ({ value, label: t(`training.regimes.${value}`) }))}
        help={t(`training.regimeHelp.${regime}`)}
        onChange={(r) => update(withRegime(s, r))}
      />
      {regime === 'miniBatch' ? (
        <>
          <NumberField
            label={t('training.batchSize')}
            value={s.batchSize}
            rule={{ min: 1, max: MAX_BATCH_SIZE, integer: true }}
            onCommit={(v) => update(withBatchSize(s, v ?? s.batchSize))}
          />
          <CheckField label={t('training.shuffle')} checked={s.shuffle} onChange={(shuffle) => update({ shuffle })} />
        </>
      ) : null}
      <SelectField label={t('training.init')} value={s.init} options={INITS.map((value) => ({ value, label: t(`training.inits.${value}`) }))} onChange={(init) => update({ init })} />
      <NumberField label={t('training.seed')} value={s.seed} rule={SEED_BOUND} help={t('training.seedHelp')} onCommit={(v) => update({ seed: v ?? s.seed })} />
      <NumberField
        label={t('training.clipNorm')}
        value={s.clipNorm}
        rule={{ min: 0, max: 1e6, exclusiveMin: true, optional: true }}
        placeholder={t('training.off')}
        help={t('training.clipNormHelp')}
        onCommit={(v) => update({ clipNorm: v })}
      />
      {s.loss === 'bce' ? (
        <CheckField
          label={t('training.labClip', { clip: (s.bceClip ?? LAB_BCE_CLIP).toExponential() })}
          checked={s.bceClip != null}
          onChange={(on) => update({ bceClip: on ? LAB_BCE_CLIP : null })}
        />
      ) : null}
    </fieldset>
  );
}

function Progress() {
  const { t } = useTranslation();
  const status = useTrainingStore((s) => s.status);
  const metrics = useTrainingStore((s) => s.metrics);
  const liveTotal = useTrainingStore((s) => s.totalEpochs);
  const timeLeft = useTrainingStore((s) => s.timeLeftMs);
  const lastRun = useMainRun();
  // Results of another set-up are not this one's: no "done … 100%" after the data changed.
  const previous = useStaleParts().length > 0;
  // Before any run in this session (e.g. a project just opened), show its last saved run.
  const saved = status === 'idle' && lastRun ? lastRun : null;
  const last = saved
    ? { loss: saved.result.loss ?? Number.NaN, accuracy: saved.result.accuracy ?? Number.NaN, testAccuracy: saved.result.testAccuracy }
    : metrics[metrics.length - 1];
  const done = previous ? 0 : saved ? saved.result.epochs : metrics.length;
  const total = previous ? 0 : saved ? saved.settings.epochs : liveTotal;
  const statusText = previous ? t('training.status.previous') : saved ? t('training.status.lastRun', { state: t(`training.status.${saved.result.state}`) }) : t(`training.status.${status}`);
  const shown = previous ? undefined : last;
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  const acc = shown && Number.isFinite(shown.accuracy) ? `${(shown.accuracy * 100).toFixed(1)}%` : '—';
  const testAcc = shown && shown.testAccuracy !== null ? t('training.testAccuracy', { accuracy: `${(shown.testAccuracy * 100).toFixed(1)}%` }) : '';
  return (
    <div className="progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t('training.progress')}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        aria-valuetext={total ? t('training.epochOf', { done, total }) : t('training.notStarted')}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="progress-stats" aria-live="off">
        <div>
          <dt>{t('training.statusLabel')}</dt>
          <dd data-testid="run-status" data-status={status}>
            {statusText}
          </dd>
        </div>
        <div>
          <dt>{t('training.epoch')}</dt>
          <dd data-testid="run-epoch">{total ? `${done} / ${total}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('training.loss')}</dt>
          <dd data-testid="run-loss" title={shown ? fullNumber(shown.loss) : undefined}>{shown && Number.isFinite(shown.loss) ? formatNumber(shown.loss) : '—'}</dd>
        </div>
        <div>
          <dt>{t('training.accuracy')}</dt>
          <dd data-testid="run-accuracy">{acc + testAcc}</dd>
        </div>
        <div>
          <dt>{t('training.timeLeft')}</dt>
          <dd>{isActive(status) && timeLeft !== null ? formatDuration(timeLeft) : '—'}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Divergence: one click applies a suggested fix and trains again from fresh weights. */
function DivergenceActions() {
  const { t } = useTranslation();
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
        {t('training.restartLr', { lr: String(Number(lr.toPrecision(3))) })}
      </button>
      {training.clipNorm === null ? (
        <button type="button" onClick={() => restart({ clipNorm: 1 })}>
          {t('training.restartClip')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * Steps left out because a gradient was not a finite number: the run goes on with the weights
 * as they were, and the learner hears where it happened and what usually helps.
 */
/** "2 NaN and 1 infinite" in the app's language. */
function nonFiniteWords(speak: ReturnType<typeof useSpoken>, counts: { nan: number; inf: number }): string {
  const said = nonFiniteValuesSaid(counts);
  return typeof said === 'string' ? said : speak({ message: nonFiniteValuesText(counts), text: said });
}

function SkippedStepsNote() {
  const { t } = useTranslation();
  const speak = useSpoken();
  const skipped = useTrainingStore((s) => s.skipped);
  const status = useTrainingStore((s) => s.status);
  if (!skipped || status === 'diverged' || status === 'idle') return null;
  const { total, last } = skipped;
  return (
    <div className="run-message run-warning" role="status" data-testid="skipped-steps">
      <p className="run-message-title">
        {t('training.skipped', { count: total })}
      </p>
      <ul>
        <li>
          {t('training.skippedLast', { epoch: last.epoch, batch: last.batch, tensor: last.tensor, layerType: last.layerType, nodeId: last.nodeId, values: nonFiniteWords(speak, last) })}
        </li>
      </ul>
      <p className="run-message-next">{t('training.skippedAdvice')}</p>
    </div>
  );
}

function RunMessageBox() {
  const { t } = useTranslation();
  const speak = useSpoken();
  const message = useTrainingStore((s) => s.message);
  const status = useTrainingStore((s) => s.status);
  if (!message) return null;
  return (
    <div className="run-message" role="alert">
      <p className="run-message-title">{speak({ message: message.title, text: message.titleText })}</p>
      {message.details.length ? (
        <ul>
          {message.details.map((d, i) => {
            const problem = message.problems?.[i];
            return <li key={i}>{problem ? problemLine(problem, speak(problem)) : d}</li>;
          })}
        </ul>
      ) : null}
      {message.advice.length ? (
        <>
          <p className="run-message-next">{t('training.whatToTry')}</p>
          <ul>
            {message.advice.map((a, i) => (
              <li key={i}>{speak({ message: a, text: message.adviceText?.[i] })}</li>
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
  const { t } = useTranslation();

  return (
    <section className="training-panel" aria-label={t('training.label')}>
      <p className="run-bar-note">{t('training.runBarNote')}</p>
      <CheckField
        label={t('training.continue')}
        checked={continueTraining && hasWeights}
        disabled={active || !hasWeights}
        onChange={(on) => run.setContinueTraining(on)}
      />
      <MemoryEstimateNote />
      <Progress />
      <RunMessageBox />
      <SkippedStepsNote />
      <SettingsForm s={training} update={updateTraining} disabled={active} />
      <MemoryLimitField disabled={active} />
    </section>
  );
}
