// Loading a .bpnn file: size limit, a linear pre-scan (syntax, depth, forbidden keys,
// non-finite numbers), JSON.parse, format marker and version, stepwise migration, the
// strict schema, cross-field checks, then the runs' references to shared data are resolved
// (dataset-refs.ts). Every failure is a value listing at most
// MAX_PROBLEMS_SHOWN problems with their JSON paths; nothing here throws.
import type { z } from 'zod';
import { MAX_PROJECT_BYTES, groupDigits } from './limits';
import { formatPath, ROOT_PATH } from './json-path';
import { ProblemList, type Problem } from './problems';
import { scanJson } from './scan';
import { walkValue } from './walk';
import { migrateDocument, type JsonObject } from './migrations';
import { ProjectSchema } from './schema';
import { crossCheckProject } from './cross';
import { resolveDatasetRefs, storedForm } from './dataset-refs';
import { PROJECT_FORMAT, type Project } from './types';
import { say, type Text } from '../messages/text';
import { saying } from '../messages/said';
import { typeSaid, zodIssueText } from './issue-text';

export type { Problem } from './problems';

export type ParseResult = { ok: true; project: Project } | { ok: false; problems: Problem[]; more: number };

const fail = (list: ProblemList): ParseResult => ({ ok: false, problems: list.shown, more: list.more });
const failOne = (path: string, text: Text): ParseResult => ({ ok: false, problems: [{ path, ...saying(text) }], more: 0 });

/** Parse and validate the text of a .bpnn file. Never throws. */
export function parseProject(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return failOne(ROOT_PATH, say('file.notText'));
    // Characters, not bytes: hosts check the byte size on disk before reading (F1).
    if (text.length > MAX_PROJECT_BYTES) {
      return failOne(ROOT_PATH, say('file.tooLarge', { mib: groupDigits(MAX_PROJECT_BYTES / (1024 * 1024)) }));
    }
    // A byte-order mark (Notepad adds one) is not part of the JSON.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const scanned = scanJson(body);
    if (scanned.size > 0) return fail(scanned);
    return checkDocument(JSON.parse(body) as unknown);
  } catch (e) {
    // Reaching this is a bug in the loader; still a value, never an exception.
    return failOne(ROOT_PATH, say('file.unreadable', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * Validate an in-memory value (an IPC payload, a store snapshot) exactly as a loaded file is:
 * in the form it would be written, where runs on the same data as the project or an earlier run
 * name it instead of repeating it, so the limits count what a file would hold.
 */
export function validateProjectValue(value: unknown): ParseResult {
  try {
    const stored = storedForm(value);
    const walked = walkValue(stored);
    if (walked.size > 0) return fail(walked);
    return checkDocument(stored);
  } catch (e) {
    return failOne(ROOT_PATH, say('file.uncheckable', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

function checkDocument(value: unknown): ParseResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? say('file.anArray') : value === null ? say('file.null') : say('file.aType', { type: typeSaid(typeof value) });
    return failOne(ROOT_PATH, say('file.notObject', { what }));
  }
  const doc = value as JsonObject;
  if (doc.format !== PROJECT_FORMAT) {
    return failOne('format', say('file.notProject', { format: PROJECT_FORMAT }));
  }
  const migrated = migrateDocument(doc);
  if (!migrated.ok) return failOne('version', migrated.text);

  const parsed = ProjectSchema.safeParse(migrated.doc);
  const problems = new ProblemList();
  if (!parsed.success) {
    addZodIssues(parsed.error.issues, problems);
    return fail(problems);
  }
  const checked = crossCheckProject(parsed.data, problems);
  const project = resolveDatasetRefs(checked, problems);
  return problems.size > 0 || project === null ? fail(problems) : { ok: true, project };
}

/** Longest message kept; zod echoes keys from the file, which may be huge or hostile. */
const MAX_MESSAGE_CHARS = 300;

function addZodIssues(issues: readonly z.core.$ZodIssue[], problems: ProblemList): void {
  for (const issue of issues) {
    // zod's own English stays the message (tests and logs read it); the Text says the same in any language.
    const message = issue.message.length > MAX_MESSAGE_CHARS ? `${issue.message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : issue.message;
    const path = formatPath(issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s)));
    problems.add(path, message, zodIssueText(issue, MAX_MESSAGE_CHARS));
    // numberArray() reports a few bad elements and one summary issue that stands for the rest.
    const uncounted = issue.code === 'custom' ? (issue.params as { uncounted?: unknown } | undefined)?.uncounted : undefined;
    if (typeof uncounted === 'number') problems.addUncounted(uncounted);
  }
}
