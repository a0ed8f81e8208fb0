// Saving a project: refuse non-finite numbers by name (never JSON.stringify's silent null),
// validate exactly as loading does, run the loader's text limits on the text about to be
// written (savable.ts), so whatever saves also loads, and write keys in schema order so
// save(load(save(p))) is byte-identical to save(p). A run's imported data is written once per
// distinct dataset: a run on the same data as the project or an earlier run names it
// (dataset-refs.ts), so training on large data does not make the project unsaveable.
import { formatPath } from './json-path';
import { validateProjectValue } from './parse';
import { checkSavable, checkValueCount } from './savable';
import { storedForm } from './dataset-refs';
import { stringifyStable } from './stringify';
import type { Project } from './types';
import type { Weights } from '../train/types';
import { render, say, type Text } from '../messages/text';
import { saying } from '../messages/said';

// `text` is the file's text on success and, like every problem's, the message as a Text on failure.
export type SerializeResult = { ok: true; text: string } | { ok: false; message: string; text: Text };

/** "Weight fc1.weight[3] is NaN", or null when every weight is finite. */
export function findNonFiniteWeight(weights: Weights | null): string | null {
  const said = findNonFiniteWeightSaid(weights);
  return said === null ? null : render(said);
}

/** findNonFiniteWeight as a Text. */
export function findNonFiniteWeightSaid(weights: Weights | null): Text | null {
  if (weights === null || typeof weights !== 'object') return null;
  for (const [node, tensors] of Object.entries(weights)) {
    if (tensors === null || typeof tensors !== 'object') continue;
    for (const [name, t] of Object.entries(tensors)) {
      const data: unknown = t?.data;
      if (!Array.isArray(data)) continue;
      for (let i = 0; i < data.length; i++) {
        const v: unknown = data[i];
        if (typeof v === 'number' && !Number.isFinite(v)) return say('file.save.nonFiniteWeight', { at: `${formatPath([node, name])}[${i}]`, value: String(v) });
      }
    }
  }
  return null;
}

const notSaved = (reason: Text): SerializeResult => {
  return { ok: false, ...saying(say('file.save.notSaved', { reason })) };
};

export function serializeProject(p: Project): SerializeResult {
  const bad = findNonFiniteWeightSaid(p.weights);
  if (bad !== null) return notSaved(bad);
  const checked = validateProjectValue(p);
  if (!checked.ok) {
    // Too many values is the one problem a valid project reaches by growing (runs on data other
    // than the project's keep a copy of it): say where they are and what to delete.
    const count = checkValueCount(storedForm(p));
    if (!count.ok) return notSaved(count.text);
    const first = checked.problems[0];
    const others = checked.problems.length - 1 + checked.more;
    const at = say('file.atPath', { path: first.path, message: first.text ?? say('file.schema.other', { message: first.message }) });
    return notSaved(others > 0 ? say('file.save.withMore', { first: at, count: others }) : at);
  }
  const stored = storedForm(checked.project);
  const text = `${stringifyStable(stored)}\n`;
  const savable = checkSavable(text, stored);
  if (!savable.ok) return notSaved(savable.text);
  return { ok: true, text };
}
