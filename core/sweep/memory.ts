// A sweep's runs against the memory budget before any of them starts: a run that cannot fit on
// its own would only fail later, after the others have taken their time.
import { estimateRequestMemory } from '../train/memory';
import { checkMemory, type MemoryBudget } from '../train/memory-budget';
import type { TrainProblem } from '../train/session-types';
import type { PlannedRun, SweepPlan } from './types';

/** The first run that does not fit the budget by itself, with the problem to show; null when every run fits. */
export function sweepMemoryRefusal(plan: SweepPlan, budget: MemoryBudget): { run: PlannedRun; problem: TrainProblem } | null {
  for (const run of plan.runs) {
    const estimate = estimateRequestMemory(run.request);
    if (!estimate) continue;
    const verdict = checkMemory(estimate, budget);
    if (!verdict.ok) return { run, problem: verdict.problem };
  }
  return null;
}
