// Switches for the canvas views this panel owns: neuron thumbnails and weight heat maps. The
// thumbnails make blocks taller, so blocks laid out for their plain size can come to overlap:
// then the panel offers Tidy layout (which spaces by the blocks as drawn) rather than moving
// anyone's blocks by itself.
import { useStore } from '@xyflow/react';
import { runAction } from '../app/actions';
import { anyOverlap } from '../editor/placement';
import { useNeuronStore } from './use-backprop';
import { useSpoken } from '../i18n/core-text';

export function NeuronViewToggle() {
  const showNeurons = useNeuronStore((s) => s.showNeurons);
  const showWeights = useNeuronStore((s) => s.showWeights);
  const someEdges = useNeuronStore((s) => s.edgesShown.length > 0);
  const message = useNeuronStore((s) => s.message);
  const messageText = useNeuronStore((s) => s.messageText);
  const speak = useSpoken();
  const source = useNeuronStore((s) => s.source);
  const { setShowNeurons, setShowWeights } = useNeuronStore.getState();
  const overlapping = useStore((s) => anyOverlap(s.nodes));
  return (
    <fieldset className="bp-views">
      <legend>On the canvas</legend>
      <label>
        <input type="checkbox" checked={showNeurons} onChange={(e) => setShowNeurons(e.target.checked)} /> Show neuron views (each unit over the input plane)
      </label>
      <label>
        <input type="checkbox" checked={showWeights} onChange={(e) => setShowWeights(e.target.checked)} /> Show weight heat maps on the connections into Linear nodes
      </label>
      {(showNeurons || showWeights || someEdges) && source && (
        <p className="muted bp-views-source" role="status">
          {source.kind === 'live' ? `Live, epoch ${source.epoch}.` : source.kind === 'trained' ? 'From the trained weights.' : 'From the initial weights (not trained yet).'}
        </p>
      )}
      {showNeurons && message && <p className="muted">{speak({ message, text: messageText ?? undefined })}</p>}
      {(showNeurons || showWeights) && overlapping && (
        <p className="bp-views-overlap">
          Some blocks now overlap.{' '}
          <button type="button" onClick={() => runAction('view:tidy')}>
            Tidy layout
          </button>{' '}
          makes room for the views (Undo puts the blocks back).
        </p>
      )}
    </fieldset>
  );
}
