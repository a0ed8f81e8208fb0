// What a run may use (a share of the machine's memory, or the user's own limit), the verdict
// on an estimate (estimateTrainingMemory in memory.ts), the advice when it does not fit, and
// memory sizes as a student reads and types them.
import type { MemoryEstimate } from './memory';
import type { TrainProblem } from './session-types';
import { render, say, type MessageKey, type Text } from '../messages/text';
import { saying } from '../messages/said';

const FLOAT = 8;
const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** A node id in the reader's quotes. */
export const quotedSaid = (name: string): Text => say('describe.quoted', { name });
const samples = (n: number): Text => say('train.memory.samples', { count: n });

/**
 * The most a budget may allow: the bytes of the longest Float64Array V8 makes (2^32 values).
 * A budget within it can never admit a single buffer that JavaScript cannot address.
 */
export const MAX_MEMORY_LIMIT = 2 ** 32 * FLOAT;
/** Smaller limits would refuse even the lab's XOR network. */
export const MIN_MEMORY_LIMIT = MB;
/** Share of the machine's memory a run may use by default; the rest is the system's, the app's and other programs'. */
export const AUTOMATIC_MEMORY_SHARE = 0.5;
/** The budget when the machine's memory is unknown (a browser without navigator.deviceMemory, a caller that passed none). */
export const FALLBACK_MEMORY_LIMIT = 2 * GB;
/** What a run may use, and where that number came from (the message says it in words). */
export interface MemoryBudget {
  bytes: number;
  /**
   * computer / browser: a share of the machine's memory; chosen: a limit the user set
   * (--memory-limit, the app's setting); default: nobody said, so a conservative constant.
   */
  source: 'computer' | 'browser' | 'chosen' | 'default';
}

export const DEFAULT_MEMORY_BUDGET: MemoryBudget = { bytes: FALLBACK_MEMORY_LIMIT, source: 'default' };

/**
 * The automatic budget: a share of the machine's memory (Node: os.totalmem(); a browser:
 * navigator.deviceMemory in bytes), capped at what a typed array can address; a conservative
 * constant when the total is unknown.
 */
export function automaticMemoryBudget(totalBytes: number | null | undefined, where: 'computer' | 'browser'): MemoryBudget {
  if (typeof totalBytes !== 'number' || !Number.isFinite(totalBytes) || totalBytes <= 0) return { bytes: FALLBACK_MEMORY_LIMIT, source: where };
  return { bytes: Math.max(MIN_MEMORY_LIMIT, Math.min(MAX_MEMORY_LIMIT, Math.floor(totalBytes * AUTOMATIC_MEMORY_SHARE))), source: where };
}

/** A limit the user chose (bytes), or the automatic one when they chose none. */
export function chosenMemoryBudget(limitBytes: number | null | undefined, automatic: MemoryBudget): MemoryBudget {
  if (typeof limitBytes !== 'number' || !Number.isFinite(limitBytes) || limitBytes <= 0) return automatic;
  return { bytes: Math.min(MAX_MEMORY_LIMIT, Math.max(MIN_MEMORY_LIMIT, Math.floor(limitBytes))), source: 'chosen' };
}

/** "180 MB", "7.4 GB", "12 GB": binary units (1 GB = 1024 MB), one decimal below 10 (or always, when `precise`). */
export function formatBytes(bytes: number, precise = false): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${Math.round(bytes)} bytes`;
  const text = precise || v < 10 ? String(Math.round(v * 10) / 10) : String(Math.round(v));
  return `${text} ${units[u]}`;
}

function allowance(budget: MemoryBudget, allowed: string): Text {
  return say(`train.memory.allowance.${budget.source}`, { allowed });
}

/** The largest batch size that fits the budget (0 when not even one sample does). */
export function largestBatchThatFits(e: MemoryEstimate, budgetBytes: number): number {
  if (!(e.bytesPerSample > 0)) return e.batch;
  return Math.max(0, Math.floor((budgetBytes - e.fixedBytes) / e.bytesPerSample));
}

function advice(e: MemoryEstimate, budget: MemoryBudget): Text {
  const top = e.parts[0];
  const shorter = e.context.signals ? say('train.memory.advice.shorter') : '';
  const narrower = top.sizedBy
    ? say('train.memory.advice.fewerIn', { what: say(`train.memory.width.${top.sizedBy.what}`), node: quotedSaid(top.sizedBy.nodeId) })
    : say('train.memory.advice.fewerAny');
  let text: Text;
  if (top.kind === 'activations' || top.kind === 'batch' || top.kind === 'copies') {
    if (e.purpose !== 'train') {
      text = say('train.memory.advice.fewerSamplesOr', { narrower, shorter });
    } else {
      const fits = largestBatchThatFits(e, budget.bytes);
      const now = e.batch === e.context.trainSamples ? say('train.memory.fullBatchOf', { batch: e.batch }) : e.batch;
      text =
        fits >= 1 && fits < e.batch
          ? say('train.memory.advice.setBatch', { fits, now, narrower, shorter })
          : say('train.memory.advice.oneTooMuch', { narrower, shorter });
    }
  } else if (top.kind === 'data') {
    text = say('train.memory.advice.fewerSamples', { shorter });
  } else {
    const sgd = e.context.optimizer !== 'SGD' && top.kind === 'optimizer' ? say('train.memory.advice.sgd') : '';
    text = say('train.memory.advice.fewerUnits', { weights: e.context.paramCount.toLocaleString('en-US'), sgd });
  }
  return budget.source === 'chosen' ? say('train.memory.advice.raiseLimit', { advice: text }) : text;
}

export type MemoryCheck =
  | { ok: true; estimate: MemoryEstimate; budget: MemoryBudget; summary: string; summaryText: Text }
  | { ok: false; estimate: MemoryEstimate; budget: MemoryBudget; summary: string; summaryText: Text; problem: TrainProblem };

/** "needs about 180 MB for a batch of 976 (limit 12 GB)", in the reader's language. */
export function memorySummarySaid(e: MemoryEstimate, budget: MemoryBudget): Text {
  const [need, limit] = pair(e.bytes, budget.bytes);
  return say('train.memory.summary', { need, limit, rows: e.purpose === 'train' ? say('train.memory.batchOf', { batch: e.batch }) : samples(e.batch) });
}

/** memorySummarySaid in English. */
export function memorySummary(e: MemoryEstimate, budget: MemoryBudget): string {
  return render(memorySummarySaid(e, budget));
}

/** Both sizes, with a decimal when they would otherwise read the same. */
function pair(a: number, b: number): [string, string] {
  const x = formatBytes(a);
  const y = formatBytes(b);
  return x === y && a !== b ? [formatBytes(a, true), formatBytes(b, true)] : [x, y];
}

/**
 * The verdict every start path and `bpnn validate` share: fits, or a problem that says how much
 * is needed, how much is allowed, what takes most of it and what to change.
 */
export function checkMemory(e: MemoryEstimate, budget: MemoryBudget): MemoryCheck {
  const summaryText = memorySummarySaid(e, budget);
  const summary = render(summaryText);
  if (e.bytes <= budget.bytes) return { ok: true, estimate: e, budget, summary, summaryText };
  const [need, limit] = pair(e.bytes, budget.bytes);
  const what: MessageKey = e.purpose === 'train' ? 'train.memory.what.train' : e.purpose === 'step-through' ? 'train.memory.what.stepThrough' : 'train.memory.what.gradients';
  const top = e.parts[0];
  const text = say('train.memory.tooMuch', { what: say(what), need, allowance: allowance(budget, limit), part: top.text, partSize: formatBytes(top.bytes), advice: advice(e, budget) });
  return { ok: false, estimate: e, budget, summary, summaryText, problem: { code: 'too-much-memory', needed: e.bytes, allowed: budget.bytes, ...saying(text) } };
}

export type MemorySizeResult = { ok: true; bytes: number | null } | { ok: false; message: string; text: Text };

const UNIT_BYTES: Record<string, number> = { '': 1, b: 1, byte: 1, bytes: 1, k: KB, kb: KB, kib: KB, m: MB, mb: MB, mib: MB, g: GB, gb: GB, gib: GB, t: GB * 1024, tb: GB * 1024, tib: GB * 1024 };

/**
 * A memory size as a person writes it: "512MB", "2 GB", "1.5g", "1073741824" (bytes), or
 * "automatic" (null: the machine's share). Binary units, as memory is sold: 1 GB = 1024 MB.
 */
export function parseMemorySize(text: string): MemorySizeResult {
  const t = String(text).trim().toLowerCase();
  if (t === 'auto' || t === 'automatic') return { ok: true, bytes: null };
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/.exec(t);
  const unit = m ? UNIT_BYTES[m[2]] : undefined;
  if (!m || unit === undefined) {
    return { ok: false, ...saying(say('train.memory.notASize', { text: String(text).slice(0, 40) })) };
  }
  const bytes = Math.round(Number(m[1]) * unit);
  if (!(bytes >= MIN_MEMORY_LIMIT && bytes <= MAX_MEMORY_LIMIT)) {
    return { ok: false, ...saying(say('train.memory.limitRange', { min: formatBytes(MIN_MEMORY_LIMIT), max: formatBytes(MAX_MEMORY_LIMIT), text: String(text).slice(0, 40) })) };
  }
  return { ok: true, bytes };
}

/** What a student reads when a run ran out of memory anyway (the estimate is checked first, but the machine may be busy). */
export const OUT_OF_MEMORY_TEXT: Text = say('train.memory.outOfMemory');
export const OUT_OF_MEMORY_MESSAGE = render(OUT_OF_MEMORY_TEXT);

/** True for the errors V8 and Node raise when memory runs out or a buffer cannot be made. */
export function isOutOfMemory(thrown: unknown): boolean {
  const e = thrown as { code?: unknown; message?: unknown } | null;
  if (e && e.code === 'ERR_WORKER_OUT_OF_MEMORY') return true;
  const message = typeof thrown === 'string' ? thrown : e && typeof e.message === 'string' ? e.message : '';
  return /array buffer allocation failed|invalid typed array length|invalid array buffer length|out of memory|allocation failed/i.test(message);
}
