// The toolbar: the run bar first (the main action, issue 13 §2), then file commands, undo/redo
// and view commands, each a button with an accessible name. Rarer exports live in "Export as…".
import { useProjectStore } from '../store/project';
import { runAction, type AppAction } from './actions';
import { EXAMPLES, openExample } from './file-actions';
import { RunBar } from './RunBar';

interface Item {
  label: string;
  action: AppAction;
  keys?: string;
  /** Shown instead of the label where the toolbar needs the room; the label stays the name. */
  icon?: string;
  /** A shorter visible label (the name keeps the full label, which contains it). */
  short?: string;
}

const FILE: Item[] = [
  { label: 'New', action: 'file:new', keys: 'Ctrl+N' },
  { label: 'Open', action: 'file:open', keys: 'Ctrl+O' },
  { label: 'Save', action: 'file:save', keys: 'Ctrl+S' },
  { label: 'Save As', action: 'file:saveAs', keys: 'Ctrl+Shift+S' },
];
const VIEW: Item[] = [
  { label: 'Tidy layout', action: 'view:tidy', short: 'Tidy' },
  { label: 'Zoom to fit', action: 'view:fit', short: 'Fit' },
];

function ToolButton({ item, disabled }: { item: Item; disabled?: boolean }) {
  return (
    <button
      type="button"
      className={item.icon ? 'tool tool-icon' : 'tool'}
      disabled={disabled}
      aria-label={item.icon || item.short ? item.label : undefined}
      title={item.keys ? `${item.label} (${item.keys})` : item.label}
      aria-keyshortcuts={item.keys?.replace('Ctrl', 'Control')}
      onClick={() => runAction(item.action)}
    >
      {item.icon ?? item.short ?? item.label}
    </button>
  );
}

export function Toolbar() {
  const canUndo = useProjectStore((s) => s.canUndo);
  const canRedo = useProjectStore((s) => s.canRedo);
  const fileName = useProjectStore((s) => s.fileName);
  const dirty = useProjectStore((s) => s.dirty);
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand" title="BPNN Studio">BPNN</span>
      <RunBar />
      <div className="tool-group">
        {FILE.map((i) => (
          <ToolButton key={i.action} item={i} />
        ))}
        <select
          aria-label="Export as"
          className="tool"
          title="Export the network for another tool, or the weights a fresh run starts from"
          value=""
          onChange={(e) => {
            if (e.target.value) runAction(e.target.value as AppAction);
          }}
        >
          <option value="">Export as…</option>
          <option value="file:exportWeights">Trained weights (Ctrl+Shift+E)</option>
          <option value="file:exportInitialWeights">Initial weights</option>
          <option value="file:exportOnnx">ONNX</option>
          <option value="file:exportPyTorch">PyTorch</option>
        </select>
        <select
          aria-label="Open example"
          className="tool"
          value=""
          onChange={(e) => {
            if (e.target.value) void openExample(e.target.value);
          }}
        >
          <option value="">Examples…</option>
          {EXAMPLES.map((x) => (
            <option key={x.name} value={x.name}>
              {x.title}
            </option>
          ))}
        </select>
      </div>
      <div className="tool-group">
        <ToolButton item={{ label: 'Undo', action: 'edit:undo', keys: 'Ctrl+Z', icon: '↶' }} disabled={!canUndo} />
        <ToolButton item={{ label: 'Redo', action: 'edit:redo', keys: 'Ctrl+Shift+Z', icon: '↷' }} disabled={!canRedo} />
      </div>
      <div className="tool-group">
        {VIEW.map((i) => (
          <ToolButton key={i.action} item={i} />
        ))}
      </div>
      <span className="doc-name" aria-live="polite">
        <span className="doc-file" title={fileName}>
          {fileName}
        </span>
        {dirty && (
          <span className="dirty" title="Unsaved changes">
            {' '}
            •<span className="dirty-word"> unsaved</span>
          </span>
        )}
      </span>
    </header>
  );
}
