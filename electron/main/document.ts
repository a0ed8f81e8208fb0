// Main's view of the open document: name, path, unsaved flag and (while unsaved) the project
// itself, for the title bar, the hot-exit backup and the close prompt. The renderer owns the
// project; it reports here. It may not invent file paths: only paths main itself opened or
// saved (through a dialog the user saw) are ever written to.
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
  private readonly granted = new Set<string>();
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

  /** A path the user chose in a dialog or main opened for them. */
  grant(filePath: string): void {
    this.granted.add(path.resolve(filePath));
  }

  isGranted(filePath: string): boolean {
    return this.granted.has(path.resolve(filePath));
  }

  /** Main just showed this file (opened, restored, or an example with no path). */
  opened(fileName: string, filePath: string | null, dirty = false, project: Project | null = null): void {
    if (filePath) this.grant(filePath);
    this.set({ fileName, filePath, dirty, project: dirty ? project : null, documentId: documentIdFor(filePath) });
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
