// Main's view of the open document: name, path, unsaved flag and (while unsaved) the project
// itself, for the title bar, the hot-exit backup and the close prompt. The renderer owns the
// project; it reports here. It may not invent file paths: only paths the user chose (in an Open
// or Save As dialog, or a file they opened) are ever written to without asking, and each such
// grant belongs to the document it was made for. A crash backup merely names a path: restoring
// it grants nothing the user did not already choose in this session (D6).
import path from 'node:path';
import type { Project } from '../../core/index';
import type { DocumentState } from '../ipc/contract';
import { documentIdFor } from './services/backups';

export interface TrackedDocument {
  fileName: string;
  filePath: string | null;
  dirty: boolean;
  project: Project | null;
  /** Where its hot-exit backup lives. */
  documentId: string;
}

export class DocumentTracker {
  private doc: TrackedDocument;
  /** Every path the user chose this session (dialogs, files they opened). */
  private readonly chosen = new Set<string>();
  /** The paths the current document may be saved to without a dialog. */
  private granted = new Set<string>();
  private readonly listeners = new Set<(doc: TrackedDocument) => void>();

  constructor() {
    this.doc = { fileName: 'untitled.bpnn', filePath: null, dirty: false, project: null, documentId: documentIdFor(null) };
  }

  get current(): Readonly<TrackedDocument> {
    return this.doc;
  }

  onChange(listener: (doc: TrackedDocument) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A path the user chose for the current document, in a dialog or by opening it. */
  grant(filePath: string): void {
    this.chosen.add(path.resolve(filePath));
    this.granted.add(path.resolve(filePath));
  }

  isGranted(filePath: string): boolean {
    return this.granted.has(path.resolve(filePath));
  }

  /** Main just showed a file the user opened (or an example, with no path): a new document. */
  opened(fileName: string, filePath: string | null, dirty = false, project: Project | null = null): void {
    this.granted = new Set();
    if (filePath) this.grant(filePath);
    this.set({ fileName, filePath, dirty, project: dirty ? project : null, documentId: documentIdFor(filePath) });
  }

  /**
   * Main just showed a restored crash backup, which names a file and a path. The path stays only
   * if the user chose it in this session; otherwise the document is untitled and Save asks where.
   * Returns what the document now holds.
   */
  restored(fileName: string, filePath: string | null, project: Project): { fileName: string; filePath: string | null } {
    const kept = filePath !== null && this.chosen.has(path.resolve(filePath)) ? path.resolve(filePath) : null;
    this.granted = new Set(kept ? [kept] : []);
    // The name only suggests one in the Save dialog: never a path that points it at another folder.
    const name = path.basename(fileName) || 'untitled.bpnn';
    this.set({ fileName: name, filePath: kept, dirty: true, project, documentId: documentIdFor(kept) });
    return { fileName: name, filePath: kept };
  }

  saved(filePath: string): void {
    this.grant(filePath);
    this.set({ fileName: path.basename(filePath), filePath, dirty: false, project: null, documentId: documentIdFor(filePath) });
  }

  /** The renderer's report. A path main never granted is ignored (treated as untitled). */
  fromRenderer(state: DocumentState): void {
    const filePath = state.filePath && this.isGranted(state.filePath) ? path.resolve(state.filePath) : null;
    const samePath = filePath === this.doc.filePath;
    const documentId = samePath ? this.doc.documentId : documentIdFor(filePath);
    const fileName = filePath ? path.basename(filePath) : state.fileName;
    this.set({ fileName, filePath, dirty: state.dirty, project: state.dirty ? state.project : null, documentId });
  }

  private set(doc: TrackedDocument): void {
    this.doc = doc;
    for (const l of [...this.listeners]) l(doc);
  }
}
