// Switches for the canvas views this panel owns: neuron thumbnails and weight heat maps.
import { useNeuronStore } from './use-backprop';

export function NeuronViewToggle() {
  const showNeurons = useNeuronStore((s) => s.showNeurons);
  const showWeights = useNeuronStore((s) => s.showWeights);
  const someEdges = useNeuronStore((s) => s.edgesShown.length > 0);
  const message = useNeuronStore((s) => s.message);
  const source = useNeuronStore((s) => s.source);
  const { setShowNeurons, setShowWeights } = useNeuronStore.getState();
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
      {showNeurons && message && <p className="muted">{message}</p>}
    </fieldset>
  );
}
