// Every command the window offers, by name: the toolbar, the keyboard and the desktop menu all
// dispatch through here so they always do the same thing.
import type { MenuCommand } from '../../runtime/api';
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  pasteClipboard,
  redo,
  selectAll,
  undo,
} from '../editor/commands';
import { bestColumns, CANVAS_ID, tidySpacing } from '../editor/placement';
import { useProjectStore } from '../store/project';
import { exportInitialWeights, exportModel, exportWeights, newFile, openFile, save } from './file-actions';
import { requestFit } from './view';

/**
 * Tidy, wrapping a long chain into rows when that shows it larger in the visible canvas. The
 * spacing grows with the nodes as drawn (neuron views make them taller) and leaves room on the
 * connections for weight heat maps when those are shown.
 */
function tidy(): void {
  const store = useProjectStore.getState();
  const r = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
  const spacing = tidySpacing(document.querySelectorAll<HTMLElement>(`#${CANVAS_ID} .react-flow__node`), document.querySelector('.bp-edge-weights') !== null);
  const columns = r ? bestColumns(store.project.graph.nodes.length, r.width, r.height, spacing) : undefined;
  store.tidy(columns, spacing);
  requestFit();
}

export type AppAction = MenuCommand | 'edit:duplicate' | 'file:exportInitialWeights';

export function runAction(action: AppAction): void {
  switch (action) {
    case 'file:new':
      void newFile();
      return;
    case 'file:open':
      void openFile();
      return;
    case 'file:save':
      void save(false);
      return;
    case 'file:saveAs':
      void save(true);
      return;
    case 'file:exportWeights':
      void exportWeights();
      return;
    case 'file:exportInitialWeights':
      void exportInitialWeights();
      return;
    case 'file:exportOnnx':
      void exportModel('onnx');
      return;
    case 'file:exportPyTorch':
      void exportModel('pytorch');
      return;
    case 'edit:undo':
      undo();
      return;
    case 'edit:redo':
      redo();
      return;
    case 'edit:cut':
      cutSelection();
      return;
    case 'edit:copy':
      copySelection();
      return;
    case 'edit:paste':
      pasteClipboard();
      return;
    case 'edit:delete':
      deleteSelection();
      return;
    case 'edit:selectAll':
      selectAll();
      return;
    case 'edit:duplicate':
      duplicateSelection();
      return;
    case 'view:tidy':
      tidy();
      return;
    case 'view:fit':
      requestFit();
      return;
  }
}
