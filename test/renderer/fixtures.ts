// Projects for renderer tests, read from the shipped examples through the real parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProject, type Project } from '../../core/index';

// import.meta.dirname, not import.meta.url: under jsdom the URL is the page's, not the file's.
const EXAMPLES = join(import.meta.dirname, '../../examples');

export function exampleProject(name: 'xor' | 'linear' | 'spiral-softmax' | 'waves-conv1d' | 'residual-spiral'): Project {
  const r = parseProject(readFileSync(join(EXAMPLES, `${name}.bpnn`), 'utf8'));
  if (!r.ok) throw new Error(`examples/${name}.bpnn does not parse: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.project;
}
