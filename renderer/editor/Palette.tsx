// The palette: one button per node kind, grouped by category. Drag a button onto the canvas,
// or press Enter/Space (or click) to add the kind near the centre of the visible canvas.
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { paletteGroups } from '../nodes/registry';
import type { NodeDefinition } from '../nodes/types';
import { useProjectStore } from '../store/project';
import { placeFromPalette } from './commands';
import { CANVAS_ID, DRAG_MIME, dropPosition, freeSpotNear } from './placement';

const GROUPS = paletteGroups();

export function Palette() {
  const { screenToFlowPosition } = useReactFlow();

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
    <section className="palette" aria-label="Palette">
      {GROUPS.map((g) => (
        <div key={g.category} className="palette-group" role="group" aria-labelledby={`palette-${g.category}`}>
          <h2 id={`palette-${g.category}`} className="palette-heading">
            {g.category}
          </h2>
          {g.kinds.map((def) => (
            <button
              key={def.type}
              type="button"
              draggable
              className={`palette-item cat-${def.category === 'Input/Output' ? 'io' : def.category.toLowerCase()}`}
              title={`${def.description} Drag onto the canvas, or press Enter to add.${def.type === 'Input' ? ' A network has one Input: if it has one, it moves there.' : ''}`}
              onDragStart={(e) => onDragStart(e, def)}
              onClick={() => addNearCentre(def)}
            >
              {def.title}
            </button>
          ))}
        </div>
      ))}
      <p className="palette-hint">Drag a block onto the canvas, or focus it and press Enter.</p>
    </section>
  );
}
