// The one registration per node kind: core's block joined with the renderer's face. The palette,
// the node component, the inspector form and the param checks all read from here.
import { NODE_TYPES, blockOf, readDecimal, render, say, type Language, type NodeType } from '../../core/index';
import { i18next, t } from '../i18n';
import { addNode } from './kinds/add';
import { concatNode } from './kinds/concat';
import { conv1dNode } from './kinds/conv1d';
import { flattenNode } from './kinds/flatten';
import { identityNode, leakyReluNode, reluNode, sigmoidNode, tanhNode } from './kinds/activations';
import { inputNode } from './kinds/input';
import { linearNode } from './kinds/linear';
import { softmaxNode } from './kinds/softmax';
import { CATEGORIES, type Category, type NodeDefinition, type NodeFace, type ParamSchema, type Params } from './types';

const faces: Readonly<Record<NodeType, NodeFace>> = {
  Input: inputNode,
  Linear: linearNode,
  Conv1d: conv1dNode,
  Flatten: flattenNode,
  Sigmoid: sigmoidNode,
  Tanh: tanhNode,
  ReLU: reluNode,
  LeakyReLU: leakyReluNode,
  Identity: identityNode,
  Softmax: softmaxNode,
  Add: addNode,
  Concat: concatNode,
};

/** Each kind's face joined with its core block: description, ports and params come from core. */
export const nodeDefinitions: Readonly<Record<NodeType, NodeDefinition>> = Object.fromEntries(
  NODE_TYPES.map((t) => {
    const block = blockOf(t);
    const def: NodeDefinition = { ...faces[t], description: block.description, ports: { input: block.role !== 'input', output: true }, params: block.params };
    return [t, def];
  }),
) as Record<NodeType, NodeDefinition>;

export function definitionOf(type: NodeType): NodeDefinition {
  return nodeDefinitions[type];
}

/** Palette groups in display order, each with its kinds in NODE_TYPES order. */
export function paletteGroups(): { category: Category; kinds: NodeDefinition[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    kinds: NODE_TYPES.map((t) => nodeDefinitions[t]).filter((d) => d.category === category),
  }));
}

/** The params a new node of this kind starts with. */
export function defaultParams(type: NodeType): Params {
  const params: Params = {};
  for (const p of nodeDefinitions[type].params) params[p.key] = p.default;
  return params;
}

/** A param's current value, or its default when the node does not store it. */
export function paramValue(schema: ParamSchema, params: Params): number | boolean {
  const v = params[schema.key];
  if (schema.kind === 'boolean') return typeof v === 'boolean' ? v : schema.default;
  return typeof v === 'number' ? v : schema.default;
}

export type ParamCheck = { ok: true; value: number | boolean } | { ok: false; message: string };

const numberText = (n: number) => String(n);

/**
 * Checks a value typed (string) or ticked (boolean) into a field against its schema.
 * The message says what is wrong and what to enter instead.
 */
export function checkParam(schema: ParamSchema, raw: string | boolean | number): ParamCheck {
  // In the app's language at the moment of the check (the field shows the message at once).
  const label = render(say(schema.label), i18next.language as Language);
  if (schema.kind === 'boolean') {
    if (typeof raw === 'boolean') return { ok: true, value: raw };
    return { ok: false, message: t('blockFace.check.onOff', { label }) };
  }
  const range = { min: numberText(schema.min), max: numberText(schema.max) };
  const what = schema.kind === 'int' ? t('blockFace.check.wholeFrom', range) : t('blockFace.check.numberFrom', range);
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: false, message: t('blockFace.check.empty', { label, what }) };
  const read = readDecimal(text);
  if (!read.ok && read.reason !== 'too-large') return { ok: false, message: t('blockFace.check.notNumber', { text, what }) };
  if (!read.ok) return { ok: false, message: t('blockFace.check.tooLarge', { label, what }) };
  const value = read.value;
  if (schema.kind === 'int' && !Number.isInteger(value)) {
    return { ok: false, message: t('blockFace.check.notWhole', { label, text, ...range }) };
  }
  if (value < schema.min || value > schema.max) {
    return { ok: false, message: t('blockFace.check.outOfRange', { label, text, ...range }) };
  }
  return { ok: true, value };
}

/** Every problem with a node's stored params, by key (used to check files and defaults). */
export function checkParams(type: NodeType, params: Params): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const schema of nodeDefinitions[type].params) {
    const v = params[schema.key];
    if (v === undefined) continue;
    const r = checkParam(schema, v);
    if (!r.ok) problems[schema.key] = r.message;
  }
  return problems;
}
