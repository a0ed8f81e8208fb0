// The React side of run-setup.ts: which parts of the set-up changed since the results on screen
// were made (empty while a run goes, and when they still hold).
import { useMemo } from 'react';
import { useProjectStore } from './project';
import { staleParts, type SetupPart } from './run-setup';
import { isActive } from './training-events';
import { useTrainingStore } from './training';

export function useStaleParts(): SetupPart[] {
  const made = useTrainingStore((s) => s.setup);
  const active = useTrainingStore((s) => isActive(s.status));
  const project = useProjectStore((s) => s.project);
  return useMemo(() => (active ? [] : staleParts(made, project.runs[project.runs.length - 1], project)), [made, active, project]);
}
