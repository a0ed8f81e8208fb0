// Editor UI state that is not part of the project: selection, clipboard, the inspector tab,
// the notice banner and the one open question dialog. Never saved, never undone.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { Clip } from './graph-edits';

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

  select(nodeIds: string[], edgeIds: string[]): void;
  setClipboard(clip: Clip | null): void;
  notePaste(): void;
  setInspectorTab(tab: InspectorTab): void;
  showBanner(banner: Banner | null): void;
  announce(text: string): void;
  /** Asks the user; resolves with the chosen label, or null when dismissed. */
  ask(title: string, message: string, choices: string[]): Promise<string | null>;
  answer(choice: string | null): void;
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
}));
