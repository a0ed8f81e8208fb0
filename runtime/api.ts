// The renderer's whole view of the outside world, BpnnApi, with the request and result types
// its two implementations share: the desktop preload (over IPC) and the browser build (a Web
// Worker and file upload/download). Neutral ground: electron/, renderer/ and cli/ import it.
// Type-only.
import type { NodeShapeInfo, Project, Text, TrainProblem, TrainRequest, TrainingEvent } from '../core/index';
import type { Language } from '../core/messages/languages';

export type { Language } from '../core/messages/languages';

/**
 * A problem found while opening a file: JSON path (e.g. `graph.nodes[2].params.outFeatures`) and
 * message, in English and (when core said it) as a catalog Text the renderer shows in its language.
 */
export interface FileProblem {
  path: string;
  message: string;
  text?: Text;
}

export type OpenResult =
  | {
      ok: true;
      project: Project;
      /** null in the browser or for an example */ filePath: string | null;
      fileName: string;
      /** Restored from a crash backup: show it as unsaved. Absent = false. */
      dirty?: boolean;
    }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; fileName: string; problems: FileProblem[]; /** "…and 9 980 more" */ moreProblems: number };

export interface SaveRequest {
  project: Project;
  /** Save to this path; null = ask (Save As). */
  filePath: string | null;
  /** Overwrite even though the file changed on disk since it was opened (after the user said so). */
  overwrite?: boolean;
}

export type SaveResult =
  | { ok: true; filePath: string | null; fileName: string }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; conflict: true; message: string; text?: Text }
  /** `text`: the message as a catalog Text when core said why (the renderer shows it in its language). */
  | { ok: false; canceled: false; conflict: false; message: string; text?: Text };

export type ExportResult =
  /** `fileNameText`: the written files said as a list in the reader's language ("a and b"), when there are several. */
  | { ok: true; fileName: string; fileNameText?: Text }
  | { ok: false; canceled: true }
  /** `text`: the message as a catalog Text (the renderer shows it in its language). */
  | { ok: false; canceled: false; message: string; text?: Text };

/** The trained network for another tool: an ONNX model, or a PyTorch model.py with its weights file (docs/export.md). */
export type ModelFormat = 'onnx' | 'pytorch';

export interface ExportModelRequest {
  project: Project;
  suggestedName: string;
  format: ModelFormat;
}

export interface StartTrainingRequest {
  /** Chosen by the renderer (unique per run); every event of the run carries it. */
  runId: string;
  request: TrainRequest;
  /** Side of the decision-boundary grid for 2-D data (e.g. 64); 0 = none. */
  boundaryResolution: number;
  /** Start paused (for step-by-step teaching). */
  paused?: boolean;
  /** Side of the per-neuron grids sent with each boundary grid as 'weights' events (neuron views); absent/0 = none. */
  neuronResolution?: number;
  /** The user's "Memory limit for training" in bytes; absent = automatic (a share of the machine's memory). */
  memoryLimit?: number;
}

export type StartTrainingResult = { ok: true; shapes: NodeShapeInfo[] } | { ok: false; problems: TrainProblem[] };

export type { TrainingEvent, TerminalEvent } from '../core/index';

/** Menu items the main process forwards to the renderer (the renderer owns the project state). */
export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:saveAs'
  | 'file:exportWeights'
  | 'file:exportOnnx'
  | 'file:exportPyTorch'
  | 'edit:undo'
  | 'edit:redo'
  | 'edit:cut'
  | 'edit:copy'
  | 'edit:paste'
  | 'edit:delete'
  | 'edit:selectAll'
  | 'view:fit'
  | 'view:tidy';

/** What the renderer tells main about the document, for the title bar, autosave and close prompts. */
export interface DocumentState {
  fileName: string;
  filePath: string | null;
  dirty: boolean;
  /** The project itself when dirty, for the crash backup; null when clean. */
  project: Project | null;
}

/** The window's language, for the desktop menu and native dialogs. */
export interface LanguageReport {
  language: Language;
  /** The student picked it (main remembers it for its next start); false: it follows the system. */
  chosen: boolean;
}

/** A backup found at start-up after an unclean exit. */
export interface RecoveryOffer {
  backupId: string;
  fileName: string;
  filePath: string | null;
  savedAt: string;
}

/**
 * The renderer's whole view of the outside world. The desktop preload implements it over IPC;
 * the browser build implements it with a Web Worker and file upload/download.
 */
export interface BpnnApi {
  readonly platform: 'desktop' | 'web';
  /**
   * Show an open dialog (desktop) or file picker (web) and load the chosen project. The renderer
   * settles unsaved changes (Save / Don't Save / Cancel) before calling this or openExample.
   */
  openProject(): Promise<OpenResult>;
  /** The project the app should show at start: a file it was asked to open, else the XOR example. */
  initialProject(): Promise<OpenResult>;
  /** Load a bundled example by name (`xor`, `linear`, `spiral-softmax`, `waves-conv1d`, `residual-spiral`). */
  openExample(name: string): Promise<OpenResult>;
  saveProject(req: SaveRequest): Promise<SaveResult>;
  exportWeights(req: { project: Project; suggestedName: string }): Promise<ExportResult>;
  exportModel(req: ExportModelRequest): Promise<ExportResult>;
  /** Keep main informed (title, unsaved marker, autosave backup, close prompt). */
  setDocumentState(state: DocumentState): Promise<void>;
  /** Backups left by a crash, offered once at start. */
  recoveryOffers(): Promise<RecoveryOffer[]>;
  restoreBackup(backupId: string): Promise<OpenResult>;
  discardBackup(backupId: string): Promise<void>;

  startTraining(req: StartTrainingRequest): Promise<StartTrainingResult>;
  pauseTraining(runId: string): Promise<void>;
  resumeTraining(runId: string): Promise<void>;
  /** One mini-batch while paused (teaching mode). */
  stepTraining(runId: string): Promise<void>;
  stopTraining(runId: string): Promise<void>;
  /** Subscribe to training events; returns the unsubscribe function. */
  onTrainingEvent(listener: (event: TrainingEvent) => void): () => void;
  /** Subscribe to menu commands (desktop); the web build calls it from its toolbar/shortcuts. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Open an allowlisted external link (the docs). */
  openExternal(url: string): Promise<void>;
  /**
   * Desktop: main opened a project on its own (Open Recent, a second launch, a double-clicked
   * file, macOS open-file) after settling any unsaved changes; show it. Optional: the browser
   * build has nothing that opens files behind the page's back.
   */
  onProjectOpened?(listener: (result: OpenResult) => void): () => void;
  /**
   * Tell main the window's language, at start and after every switch, so the menu and the native
   * dialogs speak it too. The browser build has neither: a no-op there.
   */
  setLanguage(report: LanguageReport): Promise<void>;
  /**
   * Desktop: the student chose a language in main's View › Language menu; the window switches
   * (and reports back with setLanguage). Optional: the browser build has no such menu.
   */
  onLanguageSwitch?(listener: (language: Language) => void): () => void;
}
