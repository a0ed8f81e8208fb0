// Editor UI state that is not part of the project: selection, clipboard, the inspector tab,
// the notice banner and the one open question dialog. Never saved, never undone.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { MAX_MEMORY_LIMIT, MIN_MEMORY_LIMIT } from '../../core/index';
import type { Clip } from './graph-edits';
import { userStorage } from './user-storage';

/** Where the user's memory limit is remembered: it is about this computer, not a project. */
export const MEMORY_LIMIT_KEY = 'bpnn.memoryLimit';

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The remembered limit in bytes; null (automatic) when none, or when what is stored is not a usable size. */
export function readMemoryLimit(store: KeyValue | null = userStorage()): number | null {
  try {
    const v = Number(store?.getItem(MEMORY_LIMIT_KEY) ?? NaN);
    return Number.isInteger(v) && v >= MIN_MEMORY_LIMIT && v <= MAX_MEMORY_LIMIT ? v : null;
  } catch {
    return null;
  }
}

export type InspectorTab = 'node' | 'data' | 'training' | 'backprop';

export interface Banner {
  kind: 'error' | 'notice';
  title: string;
  /** Shown as plain text lines (never HTML: file contents may be hostile). */
  lines: string[];
}

export interface Question {
  title: string;
  message: string;
  /** Button labels; the first is the default. */
  choices: string[];
  resolve(choice: string | null): void;
}

export interface UiState {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  clipboard: Clip | null;
  /** How many times the current clipboard has been pasted (each paste lands a step further). */
  pasteCount: number;
  inspectorTab: InspectorTab;
  banner: Banner | null;
  question: Question | null;
  /** The last editing action in words, for screen readers (a polite live region). */
  announcement: string;
  /** "Memory limit for training" in bytes, remembered per user; null = automatic. */
  memoryLimit: number | null;

  select(nodeIds: string[], edgeIds: string[]): void;
  setClipboard(clip: Clip | null): void;
  notePaste(): void;
  setInspectorTab(tab: InspectorTab): void;
  showBanner(banner: Banner | null): void;
  announce(text: string): void;
  /** Asks the user; resolves with the chosen label, or null when dismissed. */
  ask(title: string, message: string, choices: string[]): Promise<string | null>;
  answer(choice: string | null): void;
  setMemoryLimit(bytes: number | null): void;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const useUiStore: UseBoundStore<StoreApi<UiState>> = create<UiState>()((set, get) => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  clipboard: null,
  pasteCount: 0,
  inspectorTab: 'node',
  banner: null,
  question: null,
  announcement: '',
  memoryLimit: readMemoryLimit(),

  select(nodeIds, edgeIds) {
    const s = get();
    if (sameIds(s.selectedNodeIds, nodeIds) && sameIds(s.selectedEdgeIds, edgeIds)) return;
    // Picking one block shows its settings, whichever tab was open.
    // (Not while stepping through backprop: clicking a block there must not leave the step-through.)
    const picked = nodeIds.length === 1 && !sameIds(s.selectedNodeIds, nodeIds) && s.inspectorTab !== 'backprop';
    set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds, ...(picked ? { inspectorTab: 'node' as const } : {}) });
  },
  setClipboard(clip) {
    set({ clipboard: clip, pasteCount: 0 });
  },
  notePaste() {
    set({ pasteCount: get().pasteCount + 1 });
  },
  setInspectorTab(tab) {
    set({ inspectorTab: tab });
  },
  showBanner(banner) {
    set({ banner });
  },
  announce(text) {
    set({ announcement: text });
  },
  ask(title, message, choices) {
    get().question?.resolve(null);
    return new Promise((resolve) => set({ question: { title, message, choices, resolve } }));
  },
  answer(choice) {
    const q = get().question;
    set({ question: null });
    q?.resolve(choice);
  },
  setMemoryLimit(bytes) {
    const limit = bytes !== null && Number.isInteger(bytes) && bytes >= MIN_MEMORY_LIMIT && bytes <= MAX_MEMORY_LIMIT ? bytes : null;
    set({ memoryLimit: limit });
    try {
      const store = userStorage();
      if (limit === null) store?.removeItem(MEMORY_LIMIT_KEY);
      else store?.setItem(MEMORY_LIMIT_KEY, String(limit));
    } catch {
      // Storage full or blocked: the limit still holds until the page is closed.
    }
  },
}));

/** The request field a run carries for the user's memory limit (none when automatic). */
export function memoryLimitRequest(): { memoryLimit?: number } {
  const limit = useUiStore.getState().memoryLimit;
  return limit === null ? {} : { memoryLimit: limit };
}
