// What a run may use (a share of the machine's memory, or the user's own limit), the verdict
// on an estimate (estimateTrainingMemory in memory.ts), the advice when it does not fit, and
// memory sizes as a student reads and types them.
import type { MemoryEstimate } from './memory';
import type { TrainProblem } from './session-types';

const FLOAT = 8;
const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

const samples = (n: number): string => `${n} sample${n === 1 ? '' : 's'}`;

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

function allowance(budget: MemoryBudget, allowed: string): string {
  switch (budget.source) {
    case 'computer':
      return `this computer allows ${allowed} for training`;
    case 'browser':
      return `this browser allows about ${allowed} for training`;
    case 'chosen':
      return `your memory limit is ${allowed}`;
    case 'default':
      return `at most ${allowed} is allowed here`;
  }
}

/** The largest batch size that fits the budget (0 when not even one sample does). */
export function largestBatchThatFits(e: MemoryEstimate, budgetBytes: number): number {
  if (!(e.bytesPerSample > 0)) return e.batch;
  return Math.max(0, Math.floor((budgetBytes - e.fixedBytes) / e.bytesPerSample));
}

function advice(e: MemoryEstimate, budget: MemoryBudget): string {
  const top = e.parts[0];
  const shorter = e.context.signals ? ', or shorter signals' : '';
  const narrower = top.sizedBy ? `fewer ${top.sizedBy.what} in '${top.sizedBy.nodeId}'` : 'fewer channels or units';
  let text: string;
  if (top.kind === 'activations' || top.kind === 'batch' || top.kind === 'copies') {
    if (e.purpose !== 'train') {
      text = `Use fewer samples, or ${narrower}${shorter}.`;
    } else {
      const fits = largestBatchThatFits(e, budget.bytes);
      text =
        fits >= 1 && fits < e.batch
          ? `Set the batch size to ${fits} or less (it is ${e.batch === e.context.trainSamples ? `the full batch of ${e.batch}` : e.batch} now), or use ${narrower}${shorter}.`
          : `Even one sample at a time is too much: use ${narrower}${shorter}.`;
    }
  } else if (top.kind === 'data') {
    text = `Use fewer samples${shorter}.`;
  } else {
    const sgd = e.context.optimizer !== 'SGD' && top.kind === 'optimizer' ? ', or SGD, which keeps no extra copy' : '';
    text = `Use fewer units or channels (the network has ${e.context.paramCount.toLocaleString('en-US')} weights)${sgd}.`;
  }
  return budget.source === 'chosen' ? `${text} Or raise your memory limit.` : text;
}

export type MemoryCheck =
  | { ok: true; estimate: MemoryEstimate; budget: MemoryBudget; summary: string }
  | { ok: false; estimate: MemoryEstimate; budget: MemoryBudget; summary: string; problem: TrainProblem };

/** "needs about 180 MB for a batch of 976 (limit 12 GB)" */
export function memorySummary(e: MemoryEstimate, budget: MemoryBudget): string {
  const [need, limit] = pair(e.bytes, budget.bytes);
  return `needs about ${need} for ${e.purpose === 'train' ? `a batch of ${e.batch}` : samples(e.batch)} (limit ${limit})`;
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
  const summary = memorySummary(e, budget);
  if (e.bytes <= budget.bytes) return { ok: true, estimate: e, budget, summary };
  const [need, limit] = pair(e.bytes, budget.bytes);
  const what = e.purpose === 'train' ? 'This run' : e.purpose === 'step-through' ? 'This step-through' : 'The gradient view';
  const top = e.parts[0];
  const message = `${what} needs about ${need} of memory; ${allowance(budget, limit)}. Most of it is ${top.label}: ${formatBytes(top.bytes)}. ${advice(e, budget)}`;
  return { ok: false, estimate: e, budget, summary, problem: { code: 'too-much-memory', needed: e.bytes, allowed: budget.bytes, message } };
}

export type MemorySizeResult = { ok: true; bytes: number | null } | { ok: false; message: string };

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
    return { ok: false, message: `'${String(text).slice(0, 40)}' is not a memory size: write it like 512MB, 2GB or 1073741824 (bytes), or 'automatic'.` };
  }
  const bytes = Math.round(Number(m[1]) * unit);
  if (!(bytes >= MIN_MEMORY_LIMIT && bytes <= MAX_MEMORY_LIMIT)) {
    return { ok: false, message: `The memory limit must be from ${formatBytes(MIN_MEMORY_LIMIT)} to ${formatBytes(MAX_MEMORY_LIMIT)} (got '${String(text).slice(0, 40)}').` };
  }
  return { ok: true, bytes };
}

/** What a student reads when a run ran out of memory anyway (the estimate is checked first, but the machine may be busy). */
export const OUT_OF_MEMORY_MESSAGE = 'Training ran out of memory; try a smaller batch size or fewer units. Your project is safe.';

/** True for the errors V8 and Node raise when memory runs out or a buffer cannot be made. */
export function isOutOfMemory(thrown: unknown): boolean {
  const e = thrown as { code?: unknown; message?: unknown } | null;
  if (e && e.code === 'ERR_WORKER_OUT_OF_MEMORY') return true;
  const message = typeof thrown === 'string' ? thrown : e && typeof e.message === 'string' ? e.message : '';
  return /array buffer allocation failed|invalid typed array length|invalid array buffer length|out of memory|allocation failed/i.test(message);
}
