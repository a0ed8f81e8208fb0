// The one IPC contract. Channel names (`domain:verb`) and their request/result types are
// declared here once; main registers one handler per invoke channel, the preload builds one
// method per entry, and the renderer codes against BpnnApi (runtime/api.ts, which the browser
// build implements too). Type-only: no runtime imports of electron here.
import type { Project } from '../../core/index';
import type {
  BpnnApi,
  DocumentState,
  ExportModelRequest,
  ExportResult,
  FileProblem,
  Language,
  LanguageReport,
  MenuCommand,
  OpenResult,
  RecoveryOffer,
  SaveRequest,
  SaveResult,
  StartTrainingRequest,
  StartTrainingResult,
  TrainingEvent,
} from '../../runtime/api';

export type * from '../../runtime/api';

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
  'language:set': { request: LanguageReport; result: void };
}
export type InvokeChannel = keyof InvokeChannels;

/** Event channels: main → renderer payloads. */
export interface EventChannels {
  'training:event': TrainingEvent;
  'menu:command': MenuCommand;
  'project:opened': OpenResult;
  'language:switch': Language;
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
  setLanguage: { kind: 'invoke', channel: 'language:set' },
  onTrainingEvent: { kind: 'event', channel: 'training:event' },
  onMenuCommand: { kind: 'event', channel: 'menu:command' },
  onProjectOpened: { kind: 'event', channel: 'project:opened' },
  onLanguageSwitch: { kind: 'event', channel: 'language:switch' },
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
