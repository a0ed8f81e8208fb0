// The run bar in the toolbar: Train / Pause / Resume, Step, Stop and Reset always
// in reach, with the epoch, loss and accuracy beside them, and Ctrl+Enter / Space on the canvas.
// When Train is off, the reason takes the numbers' place (the full text on hover and for screen
// readers, as the button's description).
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../i18n';
import { useProjectStore } from '../store/project';
import { useTrainingStore } from '../store/training';
import { useMainRun } from '../store/use-main-run';
import { fullNumber } from '../../core/index';
import { formatNumber, isActive } from '../store/training-events';
import { useUiStore } from '../store/ui';
import { trainOffText, useGraphValidation } from '../store/validation';
import type { Language } from '../../core/index';
import { useStaleParts } from '../store/use-stale-parts';
import { isTypingTarget } from './shortcuts';
import { runControls, runKey } from './run-controls';

/** Runs the main control (train, pause or resume) as the run stands now. */
async function pressMain(canTrain: boolean): Promise<void> {
  const run = useTrainingStore.getState();
  const hasWeights = useProjectStore.getState().project.weights !== null;
  const c = runControls(run.status, canTrain, hasWeights);
  if (!c.mainEnabled) return;
  if (c.main === 'train') await run.start();
  else if (c.main === 'pause') await run.pause();
  else await run.resume();
}

/** Reset weights cannot be undone, so it asks first. */
export async function confirmResetWeights(): Promise<void> {
  const reset = translate('run.resetName');
  const choice = await useUiStore.getState().ask(translate('run.resetTitle'), translate('run.resetMessage'), [reset, translate('run.cancel')]);
  if (choice === reset) useTrainingStore.getState().resetWeights();
}

function RunStats() {
  const { t } = useTranslation();
  const metrics = useTrainingStore((s) => s.metrics);
  const total = useTrainingStore((s) => s.totalEpochs);
  const status = useTrainingStore((s) => s.status);
  const previous = useStaleParts().length > 0;
  const saved = useMainRun();
  // Before any run in this session (a project just opened), its last saved run's figures.
  const fromSaved = status === 'idle' && saved ? { epochs: saved.result.epochs, total: saved.settings.epochs, loss: saved.result.loss ?? Number.NaN, accuracy: saved.result.accuracy ?? Number.NaN } : null;
  const live = metrics[metrics.length - 1];
  const last = fromSaved ?? (live && status !== 'idle' ? { epochs: metrics.length, total, loss: live.loss, accuracy: live.accuracy } : null);
  if (!last || previous) return <span className="run-stats muted">{previous ? t('run.previousSetUp') : t('run.notTrained')}</span>;
  const acc = Number.isFinite(last.accuracy) ? `${(last.accuracy * 100).toFixed(1)}%` : '—';
  return (
    <span className="run-stats" data-testid="runbar-stats">
      <span>
        {t('run.epoch')} <b data-testid="runbar-epoch">{`${last.epochs}/${last.total}`}</b>
      </span>
      <span>
        {t('run.loss')} <b title={fullNumber(last.loss)}>{Number.isFinite(last.loss) ? formatNumber(last.loss) : '—'}</b> · {t('run.accuracy')} <b>{acc}</b>
      </span>
    </span>
  );
}

export function RunBar() {
  const { t, i18n } = useTranslation();
  const status = useTrainingStore((s) => s.status);
  const hasWeights = useProjectStore((s) => s.project.weights !== null);
  const { canTrain, off } = useGraphValidation();
  const reason = off && trainOffText(off, i18n.language as Language);
  const reasonId = useId();
  const c = runControls(status, canTrain, hasWeights);
  const active = isActive(status);
  const showReason = !active && !canTrain && reason;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.repeat) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const target = e.target instanceof Element ? e.target : null;
      // Space presses a focused button; on the canvas itself (or a block) it has no other job.
      const inCanvas = target?.closest('section.canvas') != null && target.closest('button, input, select, textarea') === null;
      if (runKey(e, { typing: isTypingTarget(e.target), onCanvas: inCanvas }) !== 'main') return;
      e.preventDefault();
      void pressMain(canTrain);
    };
    // Capture phase: React Flow's own Space handling (pan on hold) cancels the event's default
    // on the document before a bubbling listener would see it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [canTrain]);

  const run = useTrainingStore.getState();
  return (
    <div className="run-bar" role="group" aria-label={t('run.controls')}>
      <button
        type="button"
        className="primary run-main"
        disabled={!c.mainEnabled}
        aria-describedby={showReason ? reasonId : undefined}
        aria-keyshortcuts="Control+Enter"
        title={t('run.mainHelp', { label: t(`run.${c.main}`) })}
        onClick={() => void pressMain(canTrain)}
      >
        {t(`run.${c.main}`)}
      </button>
      <button type="button" disabled={!c.step} title={t('run.stepHelp')} onClick={() => void run.step()}>
        {t('run.step')}
      </button>
      <button type="button" disabled={!c.stop} onClick={() => void run.stop()}>
        {t('run.stop')}
      </button>
      <button type="button" disabled={!c.reset} aria-label={t('run.resetName')} title={t('run.resetHelp')} onClick={() => void confirmResetWeights()}>
        {t('run.reset')}
      </button>
      {showReason ? (
        <span id={reasonId} className="train-reason run-reason" data-testid="train-reason" title={reason}>
          {reason}
        </span>
      ) : (
        <RunStats />
      )}
    </div>
  );
}
