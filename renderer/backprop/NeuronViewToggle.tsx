// Switches for the canvas views this panel owns: neuron thumbnails and weight heat maps. The
// thumbnails make blocks taller, so blocks laid out for their plain size can come to overlap:
// then the panel offers Tidy layout (which spaces by the blocks as drawn) rather than moving
// anyone's blocks by itself.
import { useStore } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../app/actions';
import { anyOverlap } from '../editor/placement';
import { useNeuronStore } from './use-backprop';
import { useSpoken } from '../i18n/core-text';

const tidy = () => runAction('view:tidy');

export function NeuronViewToggle() {
  const { t } = useTranslation();
  const showNeurons = useNeuronStore((s) => s.showNeurons);
  const showWeights = useNeuronStore((s) => s.showWeights);
  const someEdges = useNeuronStore((s) => s.edgesShown.length > 0);
  const message = useNeuronStore((s) => s.message);
  const messageText = useNeuronStore((s) => s.messageText);
  const speak = useSpoken();
  const source = useNeuronStore((s) => s.source);
  const { setShowNeurons, setShowWeights } = useNeuronStore.getState();
  const overlapping = useStore((s) => anyOverlap(s.nodes));
  const sourceText = !source ? '' : source.kind === 'live' ? t('blockFace.views.live', { epoch: source.epoch }) : source.kind === 'trained' ? t('blockFace.views.trained') : t('blockFace.views.initial');
  return (
    <fieldset className="bp-views">
      <legend>{t('blockFace.views.legend')}</legend>
      <label>
        <input type="checkbox" checked={showNeurons} onChange={(e) => setShowNeurons(e.target.checked)} /> {t('blockFace.views.neurons')}
      </label>
      <label>
        <input type="checkbox" checked={showWeights} onChange={(e) => setShowWeights(e.target.checked)} /> {t('blockFace.views.weights')}
      </label>
      {(showNeurons || showWeights || someEdges) && source && (
        <p className="muted bp-views-source" role="status">
          {sourceText}
        </p>
      )}
      {showNeurons && message && <p className="muted">{speak({ message, text: messageText ?? undefined })}</p>}
      {(showNeurons || showWeights) && overlapping && (
        <p className="bp-views-overlap">
          {t('blockFace.views.overlap')}{' '}
          <button type="button" onClick={tidy}>
            {t('blockFace.views.tidy')}
          </button>{' '}
          {t('blockFace.views.tidyAfter')}
        </p>
      )}
    </fieldset>
  );
}
