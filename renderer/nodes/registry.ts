// The one registration per node kind: core's block joined with the renderer's face. The palette,
// the node component, the inspector form and the param checks all read from here.
import { NODE_TYPES, blockOf, readDecimal, render, say, type Language, type NodeType } from '../../core/index';
import { i18next, t } from '../i18n';
import { CATEGORIES, type Category, type NodeDefinition, type NodeFace, type ParamSchema, type Params } from './types';

// Every file in kinds/ is read, so a new kind's face is that one file and no list here.
const kindModules = import.meta.glob<Record<string, unknown>>('./kinds/*.ts', { eager: true });

const isFace = (v: unknown): v is NodeFace =>
  typeof v === 'object' && v !== null && (NODE_TYPES as readonly unknown[]).includes((v as NodeFace).type) && typeof (v as NodeFace).summary === 'function';

/** The faces the kinds' files export, by type; a kind without one stops the app at once, named. */
function collectFaces(): Readonly<Record<NodeType, NodeFace>> {
  const faces = new Map<NodeType, NodeFace>();
  for (const [file, exports] of Object.entries(kindModules)) {
    for (const face of Object.values(exports).filter(isFace)) {
      if (faces.has(face.type)) throw new Error(`${file} draws ${face.type} a second time`);
      faces.set(face.type, face);
    }
  }
  const missing = NODE_TYPES.filter((t) => !faces.has(t));
  if (missing.length > 0) throw new Error(`No face in renderer/nodes/kinds/ for ${missing.join(', ')}`);
  return Object.fromEntries(faces) as Record<NodeType, NodeFace>;
}

const faces = collectFaces();

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
