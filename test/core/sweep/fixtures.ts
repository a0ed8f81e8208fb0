// The shipped examples as sweep bases, and a helper that trains a request to its end.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTrainingSession, parseProject, projectToSpec, type EpochMetrics, type Project, type RunResult, type SweepBase, type TrainRequest } from '../../../core/index';

export function example(name: string): Project {
  const text = readFileSync(fileURLToPath(new URL(`../../../examples/${name}.bpnn`, import.meta.url)), 'utf8');
  const parsed = parseProject(text);
  if (!parsed.ok) throw new Error(`examples/${name}.bpnn does not parse: ${parsed.problems[0].message}`);
  return parsed.project;
}

export function baseOf(project: Project): SweepBase {
  return { spec: projectToSpec(project), dataset: project.dataset, settings: project.training };
}

export function trainToEnd(req: TrainRequest): { metrics: EpochMetrics[]; result: RunResult } {
  const created = createTrainingSession(req, { now: () => 0 });
  if (!created.ok) throw new Error(created.problems.map((p) => p.message).join('; '));
  for (;;) {
    const r = created.session.runBatches(10_000);
    if (r.finished) return { metrics: created.session.metrics(), result: r.finished };
  }
}
