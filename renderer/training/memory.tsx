// The memory a run will need, shown before it starts, and the "Memory limit for training"
// setting. The numbers are the engine's own estimate and verdict (core/train/memory.ts), the
// same ones the training host checks when Train is pressed.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMemory, chosenMemoryBudget, estimateRequestMemory, formatBytes, parseMemorySize, projectToSpec, render, say, spoken, type Language, type MemoryBudget, type Project } from '../../core/index';
import { desktopApi } from '../backend/electron';
import { browserMemoryBudget } from '../../runtime/web-worker';
import { useProjectStore } from '../store/project';
import { BOUNDARY_RESOLUTION } from '../store/training-events';
import { useUiStore } from '../store/ui';
import { ParsedField } from './fields';
import { useSpoken } from '../i18n/core-text';

export interface MemoryNote {
  /** "Needs about 180 MB of memory for a batch of 976 (limit 4 GB)." */
  text: string;
  /** The refusal Train would get, when the limit is known and the run is over it. */
  problem: string | null;
}

/**
 * Pure: the note for a project. `automatic` is the budget the page knows without the user's
 * limit (the browser's share), or null on the desktop, where the training host owns it.
 */
export function memoryNote(project: Project, limit: number | null, automatic: MemoryBudget | null, language: Language = 'en'): MemoryNote | null {
  const estimate = estimateRequestMemory(
    { spec: projectToSpec(project), dataset: project.dataset, settings: project.training },
    { boundaryResolution: BOUNDARY_RESOLUTION },
  );
  if (!estimate) return null;
  const budget = limit !== null ? chosenMemoryBudget(limit, automatic ?? { bytes: limit, source: 'chosen' }) : automatic;
  const needs = { need: formatBytes(estimate.bytes), batch: estimate.batch };
  if (!budget) return { text: render(say('train.memory.note', needs), language), problem: null };
  const verdict = checkMemory(estimate, budget);
  return {
    text: render(say('train.memory.noteWithLimit', { ...needs, limit: formatBytes(budget.bytes) }), language),
    problem: verdict.ok ? null : spoken(verdict.problem, language),
  };
}

/** The budget this page knows by itself: the browser build's share; the desktop's lives in the training host. */
function pageBudget(): MemoryBudget | null {
  return desktopApi() ? null : browserMemoryBudget();
}

export function MemoryEstimateNote() {
  // Only the network, the data and the settings change the estimate (not a run's weights or history).
  const graph = useProjectStore((s) => s.project.graph);
  const dataset = useProjectStore((s) => s.project.dataset);
  const training = useProjectStore((s) => s.project.training);
  const limit = useUiStore((s) => s.memoryLimit);
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  const note = useMemo(() => {
    const project = useProjectStore.getState().project;
    return memoryNote({ ...project, graph, dataset, training }, limit, pageBudget(), language);
  }, [graph, dataset, training, limit, language]);
  if (!note) return null;
  return (
    <div className="memory-note" data-testid="memory-estimate">
      <p className="field-help">{note.text}</p>
      {note.problem ? (
        <p className="run-message run-warning" role="alert" data-testid="memory-problem">
          {note.problem}
        </p>
      ) : null}
    </div>
  );
}

/** The user's limit for every run on this computer: a size such as 2GB, or empty for automatic. */
export function MemoryLimitField({ disabled }: { disabled?: boolean }) {
  const limit = useUiStore((s) => s.memoryLimit);
  const setLimit = useUiStore((s) => s.setMemoryLimit);
  const speak = useSpoken();
  const { t } = useTranslation();
  return (
    <ParsedField<number | null>
      label={t('training.memoryLimit.label')}
      shown={limit === null ? '' : formatBytes(limit)}
      parse={(text) => {
        // Empty, or the placeholder's own word in the student's language, means automatic.
        const typed = text.trim();
        if (typed === '' || typed === t('training.memoryLimit.automatic')) return { ok: true, value: null };
        const r = parseMemorySize(typed);
        return r.ok ? { ok: true, value: r.bytes } : { ok: false, message: speak(r) };
      }}
      onCommit={setLimit}
      help={t('training.memoryLimit.help')}
      placeholder={t('training.memoryLimit.automatic')}
      disabled={disabled}
    />
  );
}
