// The one IPC contract. Channel names (`domain:verb`) and their request/result types are
// declared here once; main registers one handler per invoke channel, the preload builds one
// method per entry, and the renderer codes against BpnnApi. Type-only: no runtime imports
// of electron here, so the renderer and the browser build can import it freely.
import type {
  NodeShapeInfo,
  Project,
  TrainProblem,
  TrainRequest,
} from '../../core/index';
import type { TrainingEvent } from '../../core/index';

/** A problem found while opening a file: JSON path (e.g. `graph.nodes[2].params.outFeatures`) and message. */
export interface FileProblem {
  path: string;
  message: string;
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
  | { ok: false; canceled: false; conflict: true; message: string }
  | { ok: false; canceled: false; conflict: false; message: string };

export type ExportResult =
  | { ok: true; fileName: string }
  | { ok: false; canceled: true }
  | { ok: false; canceled: false; message: string };

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

export type { TrainingEvent, TerminalEvent } from '../../core/index';

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
  /** Load a bundled example by name (`xor`, `linear`, `spiral-softmax`, `waves-conv1d`). */
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
}

// ---------------------------------------------------------------------------------------------
// The channel map. Every BpnnApi method is one entry: an `invoke` channel (request → result)
// or an `event` channel (main → renderer). Main registers handlers from INVOKE_CHANNELS, the
// preload builds window.bpnn from API_CHANNELS; the types below make a mismatch a compile error.

/** Invoke channels: request payload and result type. `void` = no payload. */
export interface InvokeChannels {
  'project:open': { request: void; result: OpenResult };
  'project:initial': { request: void; result: OpenResult };
  'project:openExample': { request: string; result: OpenResult };
  'project:save': { request: SaveRequest; result: SaveResult };
  'weights:export': { request: { project: Project; suggestedName: string }; result: ExportResult };
  'model:export': { request: ExportModelRequest; result: ExportResult };
  'document:setState': { request: DocumentState; result: void };
  'recovery:offers': { request: void; result: RecoveryOffer[] };
  'recovery:restore': { request: string; result: OpenResult };
  'recovery:discard': { request: string; result: void };
  'training:start': { request: StartTrainingRequest; result: StartTrainingResult };
  'training:pause': { request: string; result: void };
  'training:resume': { request: string; result: void };
  'training:step': { request: string; result: void };
  'training:stop': { request: string; result: void };
  'shell:openExternal': { request: string; result: void };
}
export type InvokeChannel = keyof InvokeChannels;

/** Event channels: main → renderer payloads. */
export interface EventChannels {
  'training:event': TrainingEvent;
  'menu:command': MenuCommand;
  'project:opened': OpenResult;
}
export type EventChannel = keyof EventChannels;

/** What an IPC handler returns when main refuses a call (untrusted sender or bad payload). */
export interface IpcRefusal {
  ipcError: true;
  channel: string;
  message: string;
  /** Field-level problems for a malformed payload. */
  problems: FileProblem[];
}

type ApiMethod = Exclude<keyof BpnnApi, 'platform'>;

/** BpnnApi method → its channel. The single list the preload and the channel tests walk. */
export const API_CHANNELS = {
  openProject: { kind: 'invoke', channel: 'project:open' },
  initialProject: { kind: 'invoke', channel: 'project:initial' },
  openExample: { kind: 'invoke', channel: 'project:openExample' },
  saveProject: { kind: 'invoke', channel: 'project:save' },
  exportWeights: { kind: 'invoke', channel: 'weights:export' },
  exportModel: { kind: 'invoke', channel: 'model:export' },
  setDocumentState: { kind: 'invoke', channel: 'document:setState' },
  recoveryOffers: { kind: 'invoke', channel: 'recovery:offers' },
  restoreBackup: { kind: 'invoke', channel: 'recovery:restore' },
  discardBackup: { kind: 'invoke', channel: 'recovery:discard' },
  startTraining: { kind: 'invoke', channel: 'training:start' },
  pauseTraining: { kind: 'invoke', channel: 'training:pause' },
  resumeTraining: { kind: 'invoke', channel: 'training:resume' },
  stepTraining: { kind: 'invoke', channel: 'training:step' },
  stopTraining: { kind: 'invoke', channel: 'training:stop' },
  openExternal: { kind: 'invoke', channel: 'shell:openExternal' },
  onTrainingEvent: { kind: 'event', channel: 'training:event' },
  onMenuCommand: { kind: 'event', channel: 'menu:command' },
  onProjectOpened: { kind: 'event', channel: 'project:opened' },
} as const satisfies { [M in ApiMethod]-?: { kind: 'invoke'; channel: InvokeChannel } | { kind: 'event'; channel: EventChannel } };

export const INVOKE_CHANNELS = Object.values(API_CHANNELS)
  .filter((e) => e.kind === 'invoke')
  .map((e) => e.channel) as InvokeChannel[];
export const EVENT_CHANNELS = Object.values(API_CHANNELS)
  .filter((e) => e.kind === 'event')
  .map((e) => e.channel) as EventChannel[];

// Compile-time proof that each method's signature is exactly its channel's types.
type InvokeSignature<C extends InvokeChannel> = InvokeChannels[C]['request'] extends void
  ? () => Promise<InvokeChannels[C]['result']>
  : (request: InvokeChannels[C]['request']) => Promise<InvokeChannels[C]['result']>;
type EventSignature<C extends EventChannel> = (listener: (payload: EventChannels[C]) => void) => () => void;
type DerivedApi = {
  [M in ApiMethod]: (typeof API_CHANNELS)[M] extends { kind: 'invoke'; channel: infer C extends InvokeChannel }
    ? InvokeSignature<C>
    : (typeof API_CHANNELS)[M] extends { kind: 'event'; channel: infer C extends EventChannel }
      ? EventSignature<C>
      : never;
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertAll<T extends Record<ApiMethod, true>> = T;
export type ChannelMapMatchesApi = AssertAll<{
  [M in ApiMethod]: Same<DerivedApi[M], NonNullable<BpnnApi[M]>>;
}>;
