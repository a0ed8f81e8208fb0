// A blank project: one Input node, the lab's training settings and the lab's XOR data,
// so "New project" opens on something that trains as soon as layers are added.
import { nodeId } from '../graph/spec';
import { defaultSettings } from '../train/settings';
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from './types';

export function newProject(): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: 'Untitled',
    description: '',
    graph: { nodes: [{ id: nodeId('input'), type: 'Input', params: {}, position: { x: 0, y: 120 } }], edges: [] },
    dataset: { kind: 'generator', generator: 'xor', params: {}, seed: 1 },
    training: defaultSettings(),
    weights: null,
    runs: [],
  };
}
