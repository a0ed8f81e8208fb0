// What a run was made with: the data, the network and the training settings. Results on screen
// (curves, decision boundary, predictions, the status line) belong to one set-up; when the open
// project's set-up is no longer the one they were made with, they are "from the previous
// set-up" and must never be drawn against the new data. Pure; tested without React.
import { projectToSpec } from '../../core/index';
import type { DatasetSpec, Project, RunRecord, TrainingSettings } from '../../core/index';

export interface RunSetup {
  dataset: DatasetSpec;
  training: TrainingSettings;
  /** The network as the engine sees it (no block positions), serialised once. */
  network: string;
}

export type SetupPart = 'data' | 'network' | 'settings';

/** The network without block positions: moving a block changes no result. */
export function networkKey(project: Project): string {
  return JSON.stringify(projectToSpec(project));
}

export function setupOf(project: Project): RunSetup {
  return { dataset: project.dataset, training: project.training, network: networkKey(project) };
}

/** Same value, by reference first (an Undo gives back the very object), else by content. */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Which parts of `now` differ from `then`, in a fixed order; empty when the results still hold. */
export function setupChanges(then: RunSetup, now: RunSetup): SetupPart[] {
  const parts: SetupPart[] = [];
  if (!same(then.dataset, now.dataset)) parts.push('data');
  if (then.network !== now.network) parts.push('network');
  if (!same(then.training, now.training)) parts.push('settings');
  return parts;
}

/** The sentence that marks results made with another set-up. */
export function previousSetupText(parts: readonly SetupPart[]): string {
  const what = parts.length === 1 ? `the ${parts[0]}` : `the ${parts.slice(0, -1).join(', ')} and the ${parts[parts.length - 1]}`;
  return `These results are from the previous set-up: ${what} changed since they were made. Train to see results for the set-up shown (or Undo the change to see them again).`;
}

/**
 * How the open project differs from the set-up its results on screen were made with: `made` is
 * the set-up of this session's run (null when there was none); without one, the project's last
 * saved run tells its data and settings (its network is taken to be the project's own, as the
 * file stores them together). Empty when there are no results or they still hold.
 */
export function staleParts(made: RunSetup | null, lastRun: RunRecord | undefined, project: Project): SetupPart[] {
  const now = setupOf(project);
  const then = made ?? (lastRun ? { dataset: lastRun.dataset, training: lastRun.settings, network: now.network } : null);
  return then ? setupChanges(then, now) : [];
}
