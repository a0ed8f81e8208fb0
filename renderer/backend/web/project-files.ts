// Pure helpers of the browser backend's file handling: turn an uploaded file's bytes into an
// OpenResult and choose download names. No DOM here, so they are tested in Node.
import { MAX_PROJECT_BYTES, decodeText, parseProject, say, saying } from '../../../core/index';
import type { OpenResult } from '../../../runtime/api';

const MIB = 1024 * 1024;

/** Reads a project file's text into an OpenResult; every failure names the file and the JSON path. */
export function openResultFromText(text: string, fileName: string, sizeBytes: number = text.length): OpenResult {
  if (sizeBytes > MAX_PROJECT_BYTES) {
    return {
      ok: false,
      canceled: false,
      fileName,
      problems: [
        { path: '(file)', ...saying(say('file.uploadTooLarge', { size: (sizeBytes / MIB).toFixed(1), limit: MAX_PROJECT_BYTES / MIB })) },
      ],
      moreProblems: 0,
    };
  }
  const parsed = parseProject(text);
  if (!parsed.ok) {
    return { ok: false, canceled: false, fileName, problems: parsed.problems, moreProblems: parsed.more };
  }
  return { ok: true, project: parsed.project, filePath: null, fileName };
}

/**
 * Reads an uploaded project file's bytes: UTF-8 only, as on the desktop (core's decodeText), so
 * a UTF-16 or Latin-1 file is refused with a message saying how to fix it, not misread.
 */
export function openResultFromBytes(bytes: Uint8Array, fileName: string): OpenResult {
  if (bytes.length > MAX_PROJECT_BYTES) return openResultFromText('', fileName, bytes.length);
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return { ok: false, canceled: false, fileName, problems: [{ path: '(file)', ...saying(say('file.couldNotRead', { file: fileName, reason: decoded.text })) }], moreProblems: 0 };
  }
  return openResultFromText(decoded.text, fileName, bytes.length);
}

/** "XOR lab (v2)" → "xor-lab-v2"; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'project';
}

/** The name a project is downloaded under: the file it came from, else its name. */
export function projectDownloadName(currentFileName: string | null, projectName: string): string {
  if (currentFileName && /\.bpnn$/i.test(currentFileName) && currentFileName !== 'untitled.bpnn') {
    return safeFileName(currentFileName);
  }
  return `${slugify(projectName)}.bpnn`;
}

/** The weights export's name next to its project: "xor.bpnn" → "xor.weights.json". */
export function weightsDownloadName(suggestedName: string): string {
  const base = safeFileName(suggestedName).replace(/\.(bpnn|json)$/i, '').replace(/\.weights$/i, '');
  return `${base || 'project'}.weights.json`;
}

/** Strips path separators and control characters a browser would refuse or rewrite. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned || 'project.bpnn';
}
