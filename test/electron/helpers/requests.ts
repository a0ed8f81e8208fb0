// Training requests built from the shipped XOR example (the lab's 2-32-32-1 sigmoid network).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProject, projectToSpec, withRegime, type Project } from '../../../core/index';
import type { StartTrainingRequest } from '../../../electron/ipc/contract';

const XOR_PATH = path.resolve(__dirname, '../../../examples/xor.bpnn');

export function xorProject(): Project {
  const parsed = parseProject(readFileSync(XOR_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`examples/xor.bpnn does not load: ${JSON.stringify(parsed.problems)}`);
  return parsed.project;
}

export function xorRequest(runId: string, epochs?: number, boundaryResolution = 16): StartTrainingRequest {
  const p = xorProject();
  return {
    runId,
    // Full batch, one step an epoch (the example trains one sample a step): the host's tests count steps as epochs.
    request: { spec: projectToSpec(p), dataset: p.dataset, settings: { ...withRegime(p.training, 'fullBatch'), epochs: epochs ?? p.training.epochs }, initialWeights: null },
    boundaryResolution,
  };
}
