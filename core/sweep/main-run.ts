// The run that stands for the project as it is: what the Charts tab, the run bar, the Training
// tab and the report's Results show. Sweep runs vary one setting on purpose, so the latest of
// them is not "the" result: the latest single run is, else the sweep run whose setting happens
// to be the project's own (a lr sweep that includes the project's lr).
import { projectToSpec } from '../project/spec';
import type { Project, RunRecord } from '../project/types';
import { rerunRequest } from './expand';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function mainRun(project: Project): RunRecord | null {
  for (let i = project.runs.length - 1; i >= 0; i--) if (!project.runs[i].sweep) return project.runs[i];
  if (project.runs.length === 0) return null;
  const spec = projectToSpec(project);
  return (
    project.runs.find((r) => {
      if (!sameJson(r.settings, project.training) || !sameJson(r.dataset, project.dataset)) return false;
      const again = rerunRequest({ spec, dataset: r.dataset, settings: r.settings }, r.sweep);
      return again.ok && sameJson(again.request.spec, spec);
    }) ?? null
  );
}
