// The strict zod schema for a .bpnn project (format version 2), as the file holds it: a run's
// dataset may be a reference (DatasetRef), which the loader then resolves (dataset-refs.ts). It
// mirrors types.ts field for field; the compile-time check at the bottom fails the build if the
// two ever drift apart.
// Key order here is the key order of saved files (serialize.ts relies on it).
import { z } from 'zod';
import { NODE_TYPES, nodeId, type NodeId } from '../graph/spec';
import { GENERATORS } from '../data/types';
import { PROJECT_FORMAT, PROJECT_VERSION, type StoredProject } from './types';
import { FORBIDDEN_KEYS } from './limits';
import { shortenKey } from './json-path';
import { PARAM_KEYS } from '../graph/node-params';
import { TextSchema } from '../messages/schema';
import { render, say, type Text } from '../messages/text';
import { typeSaid } from './issue-text';

/** A custom issue's message and its Text, which the loader hands on with it (parse.ts, issue-text.ts). */
const said = (text: Text) => ({ message: render(text), params: { text } });

/** Problems shown per long number array before the rest are only counted. */
const MAX_ISSUES_PER_ARRAY = 3;

const finite = z.number();
const nonNegInt = z.number().int().nonnegative();
const posInt = z.number().int().positive();
const name = z.string();
const id = z.string().refine((s) => s.length > 0, said(say('file.schema.emptyId')));
// Node ids key the weights object, so the keys a merge could turn into a prototype are out.
const nodeIdSchema = id
  .refine((s) => !FORBIDDEN_KEYS.has(s), said(say('file.schema.reservedId')))
  .transform((s): NodeId => nodeId(s));

/**
 * A number array of any length that reports at most a few bad elements by index and
 * counts the rest, so a file of a million strings in a weight array stays cheap to refuse.
 */
function numberArray(opts: { integer?: boolean; min?: number } = {}) {
  return z.custom<number[]>((v) => Array.isArray(v), said(say('file.schema.expectedArray'))).superRefine((arr, ctx) => {
    let bad = 0;
    for (let i = 0; i < arr.length; i++) {
      const v: unknown = arr[i];
      let text: Text | null = null;
      if (typeof v !== 'number') text = say('file.schema.elementNotNumber', { received: typeSaid(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v) });
      else if (!Number.isFinite(v)) text = say('file.schema.elementNotFinite', { value: String(v) });
      else if (opts.integer && !Number.isInteger(v)) text = say('file.schema.elementNotInteger', { value: v });
      else if (opts.min !== undefined && v < opts.min) text = say('file.schema.elementTooSmall', { min: opts.min, value: v });
      if (text === null) continue;
      if (bad < MAX_ISSUES_PER_ARRAY) ctx.addIssue({ code: 'custom', ...said(text), path: [i], input: v });
      bad++;
    }
    if (bad > MAX_ISSUES_PER_ARRAY) {
      ctx.addIssue({
        code: 'custom',
        message: render(say('file.schema.moreBadNumbers', { n: bad - MAX_ISSUES_PER_ARRAY })),
        input: arr,
        params: { uncounted: bad - MAX_ISSUES_PER_ARRAY - 1, text: say('file.schema.moreBadNumbers', { n: bad - MAX_ISSUES_PER_ARRAY }) },
      });
    }
  });
}

const kindOf = (v: unknown): string | number | Text => (typeof v === 'number' ? String(v) : typeSaid(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v));

/** A node param: a finite number or true/false (a plain union would only say "Invalid input"). */
const paramValue = z.custom<number | boolean>(() => true).superRefine((v, ctx) => {
  if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return;
  ctx.addIssue({ code: 'custom', ...said(say('file.schema.notParamValue', { received: kindOf(v) })), input: v });
});

export const PositionSchema = z.strictObject({ x: finite, y: finite });

export const ProjectNodeSchema = z
  .strictObject({
    id: nodeIdSchema,
    type: z.enum(NODE_TYPES),
    params: z.record(z.string(), paramValue),
    position: PositionSchema,
  })
  .superRefine((node, ctx) => {
    // Strict like every other object: a param the type does not have (a typo, or a size such as
    // inFeatures that is worked out, never stored) is an error with its path, not ignored.
    const known: readonly string[] = PARAM_KEYS[node.type];
    for (const key of Object.keys(node.params)) {
      if (known.includes(key)) continue;
      const text =
        known.length === 0
          ? say('file.schema.noParams', { type: node.type, key: shortenKey(key) })
          : say('file.schema.unknownParam', { type: node.type, key: shortenKey(key), known: known.join(', ') });
      ctx.addIssue({ code: 'custom', ...said(text), path: ['params', key], input: node.params[key] });
    }
  });

export const ProjectEdgeSchema = z.strictObject({
  id,
  source: nodeIdSchema,
  target: nodeIdSchema,
});

// Settings a student types (sizes, rates, seeds) are only type-checked here: a value out of
// range while someone is mid-edit must still save and load. Their ranges are checked, with
// messages naming the field, before training (validateSettings, makeDataset, `bpnn validate`).
export const GeneratorParamsSchema = z.strictObject({
  n: finite.optional(),
  noise: finite.optional(),
  classes: finite.optional(),
  length: finite.optional(),
});

const GeneratorDatasetSchema = z.strictObject({
  kind: z.literal('generator'),
  generator: z.enum(GENERATORS),
  params: GeneratorParamsSchema,
  seed: finite,
});

const InlineDatasetSchema = z.strictObject({
  kind: z.literal('inline'),
  name,
  featureNames: z.array(name),
  features: z.array(numberArray()),
  labels: numberArray({ integer: true, min: 0 }),
  classNames: z.array(name),
  inputShape: z.array(posInt).optional(),
});

export const DatasetSpecSchema = z.discriminatedUnion('kind', [GeneratorDatasetSchema, InlineDatasetSchema]);

/** A run's data: written out, or (format 2) a reference to the same data written before it. */
const RunDatasetSchema = z.discriminatedUnion('kind', [
  GeneratorDatasetSchema,
  InlineDatasetSchema,
  z.strictObject({ kind: z.literal('project') }),
  z.strictObject({ kind: z.literal('run'), id }),
]);

export const OptimizerSettingsSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('SGD'), lr: finite }),
  z.strictObject({ type: z.literal('Momentum'), lr: finite, momentum: finite }),
  z.strictObject({ type: z.literal('RMSProp'), lr: finite, alpha: finite, eps: finite }),
  z.strictObject({ type: z.literal('Adam'), lr: finite, beta1: finite, beta2: finite, eps: finite }),
]);

export const ScheduleSettingsSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant') }),
  z.strictObject({ type: z.literal('step'), stepSize: finite, gamma: finite }),
  z.strictObject({ type: z.literal('exponential'), gamma: finite }),
  z.strictObject({ type: z.literal('cosine'), minLr: finite }),
]);

export const TrainingSettingsSchema = z.strictObject({
  loss: z.enum(['bce', 'crossEntropy', 'mse']),
  optimizer: OptimizerSettingsSchema,
  schedule: ScheduleSettingsSchema,
  epochs: finite,
  // Optional (absent: follows batchSize), so files from before the field still load as version 1.
  regime: z.enum(['perSample', 'miniBatch', 'fullBatch']).optional(),
  batchSize: finite,
  testSplit: finite,
  seed: finite,
  init: z.enum(['normal', 'xavier', 'he']),
  clipNorm: finite.nullable(),
  shuffle: z.boolean(),
  bceClip: finite.nullable().optional(),
});

export const TensorJsonSchema = z.strictObject({
  shape: z.array(nonNegInt),
  data: numberArray(),
});

export const WeightsSchema = z.record(z.string(), z.record(z.string(), TensorJsonSchema));

export const RunCurvesSchema = z.strictObject({
  loss: numberArray(),
  accuracy: numberArray(),
  testLoss: numberArray().nullable(),
  testAccuracy: numberArray().nullable(),
  lr: numberArray(),
});

export const DivergenceInfoSchema = z.strictObject({
  epoch: nonNegInt,
  batch: nonNegInt,
  value: z.string(),
  where: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('loss') }),
    z.strictObject({ kind: z.literal('gradient'), nodeId: nodeIdSchema, tensor: z.string() }),
  ]),
  lastFiniteLoss: finite.nullable(),
  keptEpoch: nonNegInt,
  message: z.string(),
  advice: z.array(z.string()),
  text: TextSchema.optional(),
  adviceText: z.array(TextSchema).optional(),
});

export const RunResultSchema = z.strictObject({
  state: z.enum(['done', 'stopped', 'diverged', 'error']),
  epochs: nonNegInt,
  loss: finite.nullable(),
  accuracy: finite.nullable(),
  testAccuracy: finite.nullable(),
  ms: finite.nonnegative(),
  diverged: DivergenceInfoSchema.optional(),
  errorMessage: z.string().optional(),
});

export const RunRecordSchema = z.strictObject({
  id,
  name,
  createdAt: z.string(),
  settings: TrainingSettingsSchema,
  dataset: RunDatasetSchema,
  sweep: z.strictObject({ id: z.string(), setting: z.string(), value: z.string() }).optional(),
  curves: RunCurvesSchema,
  result: RunResultSchema,
});

export const ProjectSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name,
  description: z.string(),
  graph: z.strictObject({ nodes: z.array(ProjectNodeSchema), edges: z.array(ProjectEdgeSchema) }),
  dataset: DatasetSpecSchema,
  training: TrainingSettingsSchema,
  weights: WeightsSchema.nullable(),
  runs: z.array(RunRecordSchema),
});

// Compile-time guard: the schema's output and the StoredProject type (Project with references
// allowed in runs) must be assignable both ways. If a field is added to one and not the other,
// one of these lines stops compiling.
type SchemaProject = z.infer<typeof ProjectSchema>;
const _projectFitsSchema = (p: StoredProject): SchemaProject => p;
const _schemaFitsProject = (p: SchemaProject): StoredProject => p;
void _projectFitsSchema;
void _schemaFitsProject;
