// The palette: one button per node kind, grouped by category. Drag a button onto the canvas,
// or press Enter/Space (or click) to add the kind near the centre of the visible canvas.
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paletteGroups } from '../nodes/registry';
import { useSay } from '../i18n/core-text';
import type { Category, NodeDefinition } from '../nodes/types';
import { useProjectStore } from '../store/project';
import { placeFromPalette } from './commands';
import { CANVAS_ID, DRAG_MIME, dropPosition, freeSpotNear } from './placement';

const GROUPS = paletteGroups();

const CATEGORY_KEYS = { 'Input/Output': 'palette.io', Layers: 'palette.layers', Activations: 'palette.activations' } as const satisfies Record<Category, string>;

export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const { t } = useTranslation();
  const words = useSay();

  const addNearCentre = (def: NodeDefinition) => {
    const el = document.getElementById(CANVAS_ID);
    const r = el?.getBoundingClientRect();
    const centre = r ? screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
    const spot = dropPosition(centre);
    const taken = useProjectStore.getState().project.graph.nodes.map((n) => n.position);
    placeFromPalette(def.type, freeSpotNear(spot, taken));
  };

  const onDragStart = (e: DragEvent, def: NodeDefinition) => {
    e.dataTransfer.setData(DRAG_MIME, def.type);
    e.dataTransfer.setData('text/plain', def.title);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <section className="palette" aria-label={t('palette.label')}>
      {GROUPS.map((g) => (
        <div key={g.category} className="palette-group" role="group" aria-labelledby={`palette-${g.category}`}>
          <h2 id={`palette-${g.category}`} className="palette-heading">
            {t(CATEGORY_KEYS[g.category])}
          </h2>
          {g.kinds.map((def) => (
            <button
              key={def.type}
              type="button"
              draggable
              className={`palette-item cat-${def.category === 'Input/Output' ? 'io' : def.category.toLowerCase()}`}
              title={`${words(def.description)} ${t('palette.howToAdd')}${def.type === 'Input' ? ` ${t('palette.oneInput')}` : ''}`}
              onDragStart={(e) => onDragStart(e, def)}
              onClick={() => addNearCentre(def)}
            >
              {def.title}
            </button>
          ))}
        </div>
      ))}
      <p className="palette-hint">{t('palette.hint')}</p>
    </section>
  );
}
