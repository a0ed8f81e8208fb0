// The React side of run-setup.ts: which parts of the set-up changed since the results on screen
// were made (empty while a run goes, and when they still hold).
import { useMemo } from 'react';
import { useProjectStore } from './project';
import { staleParts, type SetupPart } from './run-setup';
import { isActive } from './training-events';
import { useTrainingStore } from './training';
import { useMainRun } from './use-main-run';

export function useStaleParts(): SetupPart[] {
  const made = useTrainingStore((s) => s.setup);
  const active = useTrainingStore((s) => isActive(s.status));
  const project = useProjectStore((s) => s.project);
  const main = useMainRun();
  return useMemo(() => (active ? [] : staleParts(made, main, project)), [made, active, project, main]);
}
