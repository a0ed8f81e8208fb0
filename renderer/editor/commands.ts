// Editing commands shared by the keyboard, the desktop menu and the toolbar. They act on the
// stores only, so each is one undo step and works without React.
import { isJoinType, type NodeType } from '../../core/index';
import { defaultParams, definitionOf } from '../nodes/registry';
import { useProjectStore } from '../store/project';
import { useUiStore } from '../store/ui';
import { clipOf, type XY } from '../store/graph-edits';
import { t } from '../i18n';

export const PASTE_STEP: XY = { x: 40, y: 40 };

const blocks = (count: number) => t('checks.announce.blocks', { count });

export function addNodeAt(type: NodeType, position: XY): string {
  const id = useProjectStore.getState().addNode(type, position, defaultParams(type));
  const ui = useUiStore.getState();
  ui.select([id], []);
  ui.announce(t('checks.announce.added', { title: definitionOf(type).title, id }));
  return id;
}

/**
 * A block from the palette. A network has one Input, which New already places: the palette's
 * Input then moves that block where it was dropped (one undo step) instead of adding a second
 * one that only earns a "2 Input blocks" error. Returns the placed block's id.
 */
export function placeFromPalette(type: NodeType, position: XY): string {
  const existing = type === 'Input' ? useProjectStore.getState().project.graph.nodes.find((n) => n.type === 'Input') : undefined;
  if (!existing) return addNodeAt(type, position);
  useProjectStore.getState().moveNodes({ [existing.id]: position }, 'once');
  const ui = useUiStore.getState();
  ui.select([existing.id], []);
  ui.announce(t('checks.announce.inputMoved', { id: existing.id }));
  return existing.id;
}

/**
 * A wire drawn on the canvas. Every block takes one input (NodeDefinition.ports.input is a
 * yes/no), so a wire onto an input that has one replaces the old wire, as one undo step, instead
 * of leaving a "gets input from 2 blocks" error.
 */
export function connectFromCanvas(source: string, target: string): void {
  const store = useProjectStore.getState();
  const old = store.project.graph.edges.filter((e) => e.target === target);
  // Add and Concat take several inputs: a new wire joins them (Concat in wiring order).
  const join = isJoinType(store.project.graph.nodes.find((n) => n.id === target)?.type ?? '');
  if (join || old.length === 0 || old.some((e) => e.source === source)) {
    store.connect(source, target);
    return;
  }
  store.setInput(target, source);
  useUiStore.getState().announce(t('checks.announce.rewired', { target, source, old: old.map((e) => e.source).join(', ') }));
}

export function deleteSelection(): void {
  const ui = useUiStore.getState();
  if (ui.selectedNodeIds.length === 0 && ui.selectedEdgeIds.length === 0) return;
  useProjectStore.getState().deleteElements(ui.selectedNodeIds, ui.selectedEdgeIds);
  const n = ui.selectedNodeIds.length;
  const e = ui.selectedEdgeIds.length;
  const connections = t('checks.announce.connections', { count: e });
  const what = n && e ? t('checks.announce.both', { blocks: blocks(n), connections }) : n ? blocks(n) : connections;
  ui.announce(t('checks.announce.deleted', { what }));
  ui.select([], []);
}

export function copySelection(): boolean {
  const ui = useUiStore.getState();
  if (ui.selectedNodeIds.length === 0) return false;
  ui.setClipboard(clipOf(useProjectStore.getState().project.graph, ui.selectedNodeIds));
  return true;
}

export function cutSelection(): void {
  if (copySelection()) deleteSelection();
}

export function pasteClipboard(): void {
  const ui = useUiStore.getState();
  if (!ui.clipboard || ui.clipboard.nodes.length === 0) return;
  const k = ui.pasteCount + 1;
  const ids = useProjectStore.getState().paste(ui.clipboard, { x: PASTE_STEP.x * k, y: PASTE_STEP.y * k });
  ui.notePaste();
  ui.select(ids, []);
  ui.announce(t('checks.announce.pasted', { blocks: blocks(ids.length) }));
}

export function duplicateSelection(): void {
  const ui = useUiStore.getState();
  if (ui.selectedNodeIds.length === 0) return;
  const ids = useProjectStore.getState().duplicate(ui.selectedNodeIds);
  ui.select(ids, []);
  ui.announce(t('checks.announce.duplicated', { blocks: blocks(ids.length) }));
}

export function selectAll(): void {
  const g = useProjectStore.getState().project.graph;
  useUiStore.getState().select(
    g.nodes.map((n) => n.id),
    g.edges.map((e) => e.id),
  );
}

/** Drops selected ids that no longer exist (after undo, redo or load). */
export function pruneSelection(): void {
  const g = useProjectStore.getState().project.graph;
  const ui = useUiStore.getState();
  const nodes = new Set(g.nodes.map((n) => n.id as string));
  const edges = new Set(g.edges.map((e) => e.id));
  ui.select(
    ui.selectedNodeIds.filter((id) => nodes.has(id)),
    ui.selectedEdgeIds.filter((id) => edges.has(id)),
  );
}

export function undo(): void {
  if (!useProjectStore.getState().canUndo) return;
  useProjectStore.getState().undo();
  pruneSelection();
  useUiStore.getState().announce(t('checks.announce.undone'));
}

export function redo(): void {
  if (!useProjectStore.getState().canRedo) return;
  useProjectStore.getState().redo();
  pruneSelection();
  useUiStore.getState().announce(t('checks.announce.redone'));
}
