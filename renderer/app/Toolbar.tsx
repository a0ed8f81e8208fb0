// The toolbar: the run bar first (the main action), then file commands, undo/redo
// and view commands, each a button with an accessible name. Rarer exports live in "Export as…".
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { useProjectStore } from '../store/project';
import { runAction, type AppAction } from './actions';
import { openExample } from './file-actions';
import { EXAMPLES } from './examples';
import { RunBar } from './RunBar';
import { LanguageSwitch } from './LanguageSwitch';
import { shownFileName } from './file-name';

interface Item {
  /** The catalog key of its name. */
  label: ParseKeys;
  action: AppAction;
  keys?: string;
  /** Shown instead of the label where the toolbar needs the room; the label stays the name. */
  icon?: string;
  /** A shorter visible label (the name keeps the full label, which contains it). */
  short?: ParseKeys;
}

const FILE: Item[] = [
  { label: 'toolbar.new', action: 'file:new', keys: 'Ctrl+N' },
  { label: 'toolbar.open', action: 'file:open', keys: 'Ctrl+O' },
  { label: 'toolbar.save', action: 'file:save', keys: 'Ctrl+S' },
  { label: 'toolbar.saveAs', action: 'file:saveAs', keys: 'Ctrl+Shift+S' },
];
const VIEW: Item[] = [
  { label: 'toolbar.tidy', action: 'view:tidy', short: 'toolbar.tidyShort' },
  { label: 'toolbar.fit', action: 'view:fit', short: 'toolbar.fitShort' },
];
const UNDO: Item = { label: 'toolbar.undo', action: 'edit:undo', keys: 'Ctrl+Z', icon: '↶' };
const REDO: Item = { label: 'toolbar.redo', action: 'edit:redo', keys: 'Ctrl+Shift+Z', icon: '↷' };

function ToolButton({ item, disabled }: { item: Item; disabled?: boolean }) {
  const { t } = useTranslation();
  const label = t(item.label);
  return (
    <button
      type="button"
      className={item.icon ? 'tool tool-icon' : 'tool'}
      disabled={disabled}
      aria-label={item.icon || item.short ? label : undefined}
      title={item.keys ? t('toolbar.withKeys', { label, keys: item.keys }) : label}
      aria-keyshortcuts={item.keys?.replace('Ctrl', 'Control')}
      onClick={() => runAction(item.action)}
    >
      {item.icon ?? (item.short ? t(item.short) : label)}
    </button>
  );
}

/**
 * The room a file name needs, in `ch` (a wide character counts two), plus the unsaved dot: a short
 * name keeps no more than it needs, and the run bar's figures get the rest.
 */
function nameWidth(name: string): number {
  let w = 3;
  for (const c of name) w += (c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

export function Toolbar() {
  const canUndo = useProjectStore((s) => s.canUndo);
  const canRedo = useProjectStore((s) => s.canRedo);
  const storedName = useProjectStore((s) => s.fileName);
  const filePath = useProjectStore((s) => s.filePath);
  const fileName = shownFileName(storedName, filePath);
  const dirty = useProjectStore((s) => s.dirty);
  const { t } = useTranslation();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <span className="brand" title={t('app.name')}>
        BPNN
      </span>
      <RunBar />
      <div className="tool-group">
        {FILE.map((i) => (
          <ToolButton key={i.action} item={i} />
        ))}
        <select
          aria-label={t('toolbar.exportAs')}
          className="tool export-as"
          title={t('toolbar.exportHelp')}
          value=""
          onChange={(e) => {
            if (e.target.value) runAction(e.target.value as AppAction);
          }}
        >
          <option value="">{t('toolbar.exportAsMenu')}</option>
          <option value="file:exportWeights">{t('toolbar.exportWeights')}</option>
          <option value="file:exportInitialWeights">{t('toolbar.exportInitialWeights')}</option>
          <option value="file:exportOnnx">{t('toolbar.exportOnnx')}</option>
          <option value="file:exportPyTorch">{t('toolbar.exportPyTorch')}</option>
        </select>
        <select
          aria-label={t('toolbar.openExample')}
          className="tool open-example"
          value=""
          onChange={(e) => {
            if (e.target.value) void openExample(e.target.value);
          }}
        >
          <option value="">{t('toolbar.examplesMenu')}</option>
          {EXAMPLES.map((name) => (
            <option key={name} value={name}>
              {t(`examples.${name}.title`)}
            </option>
          ))}
        </select>
      </div>
      <div className="tool-group">
        <ToolButton item={UNDO} disabled={!canUndo} />
        <ToolButton item={REDO} disabled={!canRedo} />
      </div>
      <div className="tool-group">
        {VIEW.map((i) => (
          <ToolButton key={i.action} item={i} />
        ))}
      </div>
      <span className="doc-name" aria-live="polite" style={{ minWidth: `min(11.5em, ${nameWidth(fileName)}ch)` }}>
        <span className="doc-file" title={fileName}>
          {fileName}
        </span>
        {dirty && (
          <span className="dirty" title={t('toolbar.unsavedHelp')}>
            {' '}
            •<span className="dirty-word"> {t('toolbar.unsaved')}</span>
          </span>
        )}
      </span>
      <LanguageSwitch />
    </header>
  );
}
