// Projects for renderer tests, read from the shipped examples through the real parser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseProject, type Project } from '../../core/index';

export function exampleProject(name: 'xor' | 'linear' | 'spiral-softmax' | 'waves-conv1d'): Project {
  const path = fileURLToPath(new URL(`../../examples/${name}.bpnn`, import.meta.url));
  const r = parseProject(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`examples/${name}.bpnn does not parse: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.project;
}
