import { beforeEach, describe, expect, it } from 'vitest';
import {
  addNodeAt,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  pasteClipboard,
  connectFromCanvas,
  placeFromPalette,
  selectAll,
  undo,
} from '../../../renderer/editor/commands';
import { useProjectStore } from '../../../renderer/store/project';
import { dropPosition } from '../../../renderer/editor/placement';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';

const project = () => useProjectStore.getState();
const ui = () => useUiStore.getState();
const nodeIds = () => project().project.graph.nodes.map((n) => n.id as string);

beforeEach(() => {
  project().loadProject(exampleProject('xor'), null, 'xor.bpnn');
  ui().select([], []);
  ui().setClipboard(null);
});

describe('editing commands', () => {
  it('adds a node with its kind’s defaults and selects it', () => {
    const id = addNodeAt('Conv1d', { x: 1, y: 2 });
    expect(project().project.graph.nodes.find((n) => n.id === id)!.params).toEqual({ outChannels: 8, kernelSize: 5, stride: 1, padding: 0 });
    expect(ui().selectedNodeIds).toEqual([id]);
  });

  it('issue 13 §4: the palette’s Input moves the one Input there is (one undo step) instead of adding a second', () => {
    const before = project().project.graph.nodes.find((n) => n.id === 'input')!.position;
    const count = nodeIds().length;
    expect(placeFromPalette('Input', { x: 500, y: 600 })).toBe('input');
    expect(nodeIds()).toHaveLength(count);
    expect(project().project.graph.nodes.find((n) => n.id === 'input')!.position).toEqual({ x: 500, y: 600 });
    expect(ui().selectedNodeIds).toEqual(['input']);
    undo();
    expect(project().project.graph.nodes.find((n) => n.id === 'input')!.position).toEqual(before);
    // Without an Input, it adds one; other kinds are always added.
    project().deleteElements(['input'], []);
    expect(placeFromPalette('Input', { x: 0, y: 0 })).not.toBe('');
    expect(project().project.graph.nodes.filter((n) => n.type === 'Input')).toHaveLength(1);
    expect(placeFromPalette('Linear', { x: 0, y: 0 })).not.toBe(placeFromPalette('Linear', { x: 0, y: 0 }));
  });

  it('issue 13 §4: a wire onto an input that has one replaces the old wire, as one undo step', () => {
    const inputsOf = (t: string) => project().project.graph.edges.filter((e) => e.target === t).map((e) => e.source);
    expect(inputsOf('fc2')).toEqual(['sig1']);
    connectFromCanvas('input', 'fc2');
    expect(inputsOf('fc2')).toEqual(['input']);
    undo();
    expect(inputsOf('fc2')).toEqual(['sig1']);
    // The same wire again changes nothing.
    connectFromCanvas('sig1', 'fc2');
    expect(inputsOf('fc2')).toEqual(['sig1']);
  });

  it('a wire into an Add or Concat adds an input instead of replacing one', () => {
    for (const type of ['Add', 'Concat'] as const) {
      const join = addNodeAt(type, { x: 0, y: 0 });
      connectFromCanvas('fc1', join);
      connectFromCanvas('fc2', join);
      expect(project().project.graph.edges.filter((e) => e.target === join).map((e) => e.source)).toEqual(['fc1', 'fc2']);
    }
  });

  it('issue 13 §4: a dropped block is centred on the pointer', () => {
    expect(dropPosition({ x: 300, y: 200 })).toEqual({ x: 212, y: 165 });
  });

  it('copy then paste twice lands each copy a step further, with new ids, selected', () => {
    ui().select(['fc1', 'sig1'], []);
    copySelection();
    pasteClipboard();
    const first = ui().selectedNodeIds;
    pasteClipboard();
    const second = ui().selectedNodeIds;
    expect(first).toEqual(['linear1', 'sigmoid1']);
    expect(second).toEqual(['linear2', 'sigmoid2']);
    const at = (id: string) => project().project.graph.nodes.find((n) => n.id === id)!.position;
    expect(at('linear2').x - at('linear1').x).toBe(40);
    expect(project().project.graph.edges.filter((e) => e.source.startsWith('linear') && e.target.startsWith('sigmoid'))).toHaveLength(2);
  });

  it('cut removes the selection and paste brings it back under new ids', () => {
    ui().select(['fc3'], []);
    cutSelection();
    expect(nodeIds()).not.toContain('fc3');
    pasteClipboard();
    expect(nodeIds()).toContain('linear1');
  });

  it('select all then delete empties the canvas in one undo step', () => {
    selectAll();
    deleteSelection();
    expect(nodeIds()).toEqual([]);
    expect(ui().selectedNodeIds).toEqual([]);
    undo();
    expect(nodeIds()).toHaveLength(7);
    expect(project().canUndo).toBe(false);
  });

  it('duplicate selects the copies; undo drops them from the selection', () => {
    ui().select(['fc1'], []);
    duplicateSelection();
    expect(ui().selectedNodeIds).toEqual(['linear1']);
    undo();
    expect(ui().selectedNodeIds).toEqual([]);
  });

  it('deletes a selected edge only', () => {
    ui().select([], ['fc1-sig1']);
    deleteSelection();
    expect(project().project.graph.edges.some((e) => e.id === 'fc1-sig1')).toBe(false);
    expect(nodeIds()).toHaveLength(7);
  });
});

describe('announcements for screen readers', () => {
  it('says what an edit did', () => {
    addNodeAt('Linear', { x: 0, y: 0 });
    expect(ui().announcement).toBe('Added Linear linear1.');
    ui().select(['fc1', 'sig1'], ['input-fc1']);
    deleteSelection();
    expect(ui().announcement).toBe('Deleted 2 blocks and 1 connection.');
    undo();
    expect(ui().announcement).toBe('Undone.');
  });
});
