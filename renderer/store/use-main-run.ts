// The run the Charts tab, the run bar and the Training tab show: core's mainRun, so a sweep's
// last run never stands in for the student's own (and the report agrees with the screen).
import { useMemo } from 'react';
import { mainRun, type RunRecord } from '../../core/index';
import { useProjectStore } from './project';

export function useMainRun(): RunRecord | undefined {
  const project = useProjectStore((s) => s.project);
  return useMemo(() => mainRun(project) ?? undefined, [project]);
}
