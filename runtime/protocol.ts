// The one training protocol, as zod schemas (B6): what a caller may ask to start, what a host
// tells a worker, and what a worker may say back. The TypeScript types are inferred from the
// schemas; core's TrainingEvent is checked against the schema in both directions at compile
// time (protocol-types.ts), so an event added in one place and forgotten in the other fails tsc.
import { z } from 'zod';
import {
  MAX_EPOCHS,
  MAX_MEMORY_LIMIT,
  MAX_NEURON_RESOLUTION,
  MIN_MEMORY_LIMIT,
  NODE_TYPES,
  ProjectSchema,
  TextSchema,
  type NodeId,
  type NodeShapeInfo,
  type TrainProblem,
} from '../core/index';

export const MAX_BOUNDARY_RES = 256;
export const MAX_RUN_ID_CHARS = 128;
export const MAX_NODES = 1_000;
const MAX_NAME_CHARS = 10_000;

const num = z.number();
const posInt = z.number().int().positive();
const nonNegInt = z.number().int().nonnegative();
const id = z.string().min(1).max(MAX_NAME_CHARS);
/** Node ids are branded only at the type level; on the wire they are strings. */
const nodeIdOnWire = z.custom<NodeId>((v) => typeof v === 'string' && v.length <= MAX_NAME_CHARS, 'expected a node id');

const SpecNodeSchema = z.strictObject({
  id,
  type: z.enum(NODE_TYPES),
  params: z.record(z.string().max(64), z.union([num, z.boolean()])),
});

const ModelSpecSchema = z.strictObject({
  nodes: z.array(SpecNodeSchema).max(MAX_NODES),
  edges: z.array(z.strictObject({ source: id, target: id })).max(4 * MAX_NODES),
});

// The dataset, settings and weights of a request are exactly the project file's schema; the
// engine's limit on epochs is checked here too, so a typo like 1e12 never spawns a worker (the
// pool also runs the engine's full validateSettings before spawning).
const DatasetSpecSchema = ProjectSchema.shape.dataset;
const TrainingSettingsSchema = ProjectSchema.shape.training.refine((s) => s.epochs <= MAX_EPOCHS, {
  message: `At most ${MAX_EPOCHS} epochs per run`,
  path: ['epochs'],
});
const WeightsSchema = ProjectSchema.shape.weights;

export const StartTrainingRequestSchema = z.strictObject({
  runId: z.string().min(1).max(MAX_RUN_ID_CHARS),
  request: z.strictObject({
    spec: ModelSpecSchema,
    dataset: DatasetSpecSchema,
    settings: TrainingSettingsSchema,
    initialWeights: WeightsSchema.optional(),
  }),
  boundaryResolution: nonNegInt.max(MAX_BOUNDARY_RES),
  paused: z.boolean().optional(),
  neuronResolution: nonNegInt.max(MAX_NEURON_RESOLUTION).optional(),
  memoryLimit: z.number().int().min(MIN_MEMORY_LIMIT).max(MAX_MEMORY_LIMIT).optional(),
});

export const RunIdSchema = z.string().min(1).max(MAX_RUN_ID_CHARS);

/** The budget the host decided on; the worker's engine checks the run against it again. */
const MemoryBudgetSchema = z.strictObject({ bytes: z.number().positive(), source: z.enum(['computer', 'browser', 'chosen', 'default']) });

/** Host → worker. The worker validates these too; a worker trusts nobody. */
export const WorkerCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start'), req: StartTrainingRequestSchema, memoryBudget: MemoryBudgetSchema }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('step') }),
  z.strictObject({ kind: z.literal('stop') }),
]);
export type WorkerCommand = z.infer<typeof WorkerCommandSchema>;

// Worker → host. Numbers may be NaN/Infinity here (a diverging loss is real data), so metrics
// use a plain typeof check instead of z.number(), which refuses them.
const anyNumber = z.custom<number>((v) => typeof v === 'number', 'expected a number');
const nullableNumber = anyNumber.nullable();

const EpochMetricsSchema = z.strictObject({
  epoch: nonNegInt,
  loss: anyNumber,
  accuracy: anyNumber,
  testLoss: nullableNumber,
  testAccuracy: nullableNumber,
  lr: anyNumber,
});

const DivergenceInfoSchema = z.strictObject({
  epoch: nonNegInt,
  batch: nonNegInt,
  value: z.string().max(64),
  where: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('loss') }),
    z.strictObject({ kind: z.literal('gradient'), nodeId: nodeIdOnWire, tensor: z.string().max(MAX_NAME_CHARS) }),
  ]),
  lastFiniteLoss: nullableNumber,
  keptEpoch: nonNegInt,
  message: z.string().max(MAX_NAME_CHARS),
  advice: z.array(z.string().max(MAX_NAME_CHARS)),
  text: TextSchema.optional(),
  adviceText: z.array(TextSchema).max(16).optional(),
});

const RunResultSchema = z.strictObject({
  state: z.enum(['done', 'stopped', 'diverged', 'error']),
  epochs: nonNegInt,
  loss: nullableNumber,
  accuracy: nullableNumber,
  testAccuracy: nullableNumber,
  ms: anyNumber,
  diverged: DivergenceInfoSchema.optional(),
  errorMessage: z.string().max(MAX_NAME_CHARS).optional(),
});

const TensorOutSchema = z.strictObject({ shape: z.array(nonNegInt), data: z.array(anyNumber) });
const WeightsOutSchema = z.record(z.string(), z.record(z.string(), TensorOutSchema));

const float32 = z.custom<Float32Array>((v) => v instanceof Float32Array, 'expected a Float32Array');
const float64 = z.custom<Float64Array>((v) => v instanceof Float64Array, 'expected a Float64Array');

const NeuronGridSchema = z.strictObject({
  nodeId: nodeIdOnWire,
  type: z.custom<import('../core/index').LayerType>((v) => typeof v === 'string' && v.length <= 64, 'expected a layer type'),
  units: posInt,
  res: posInt,
  values: float32,
  min: anyNumber,
  max: anyNumber,
  unitMin: float32,
  unitMax: float32,
});

const runId = RunIdSchema;
export const TERMINAL_TYPES = ['done', 'stopped', 'diverged', 'error'] as const;

export const TrainingEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), runId, epochs: z.array(EpochMetricsSchema), batch: nonNegInt }),
  z.strictObject({ type: z.literal('boundary'), runId, epoch: nonNegInt, res: posInt, numClasses: posInt, probs: float64 }),
  z.strictObject({ type: z.literal('weights'), runId, epoch: nonNegInt, weights: WeightsOutSchema, neurons: z.array(NeuronGridSchema).optional() }),
  z.strictObject({
    type: z.literal('skipped'),
    runId,
    total: posInt,
    last: z.strictObject({
      epoch: posInt,
      batch: posInt,
      nodeId: z.string().max(MAX_NAME_CHARS),
      layerType: z.string().max(MAX_NAME_CHARS),
      tensor: z.string().max(MAX_NAME_CHARS),
      nan: nonNegInt,
      inf: nonNegInt,
    }),
  }),
  z.strictObject({ type: z.literal('paused'), runId, epoch: nonNegInt }),
  z.strictObject({ type: z.literal('resumed'), runId }),
  z.strictObject({ type: z.enum(['done', 'stopped', 'diverged']), runId, result: RunResultSchema, weights: WeightsOutSchema }),
  z.strictObject({ type: z.literal('error'), runId, message: z.string().max(MAX_NAME_CHARS), text: TextSchema.optional() }),
]);
export type ProtocolTrainingEvent = z.infer<typeof TrainingEventSchema>;

const ShapeSchema = z.strictObject({
  nodeId: nodeIdOnWire,
  inputShape: z.array(nonNegInt).nullable(),
  outputShape: z.array(nonNegInt).nullable(),
  paramCount: nonNegInt,
}) satisfies z.ZodType<NodeShapeInfo>;

/** Problems are the engine's own values; the wire checks they are problems a user can read. */
const ProblemSchema = z.custom<TrainProblem>((v) => {
  const p = v as { code?: unknown; message?: unknown } | null;
  return typeof p === 'object' && p !== null && typeof p.code === 'string' && typeof p.message === 'string';
}, 'expected a problem');

export const WorkerMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('started'), shapes: z.array(ShapeSchema) }),
  z.strictObject({ kind: z.literal('rejected'), problems: z.array(ProblemSchema) }),
  z.strictObject({ kind: z.literal('event'), event: TrainingEventSchema }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** A worker's message, or null when it is not one this protocol defines (never forward junk). */
export function parseWorkerMessage(data: unknown): WorkerMessage | null {
  const r = WorkerMessageSchema.safeParse(data);
  return r.success ? r.data : null;
}

export function parseWorkerCommand(data: unknown): WorkerCommand | null {
  const r = WorkerCommandSchema.safeParse(data);
  return r.success ? r.data : null;
}

/** zod issues → the TrainProblem list a refused start returns, one per field. */
export function issuesToProblems(error: z.ZodError, prefix = ''): TrainProblem[] {
  return error.issues.slice(0, 20).map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { code: 'bad-setting' as const, field, message: `${field || '(request)'}: ${issue.message}` };
  });
}
