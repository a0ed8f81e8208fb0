// The shared charts' words (report/charts/words.ts) in the app's current language: a component
// that draws one re-renders on a switch, as it reads the language through useTranslation.
import { useTranslation } from 'react-i18next';
import { chartWords, type ChartWords } from '../../report/charts/words';
import type { Language } from '../../core/index';

export function useChartWords(): ChartWords {
  const { i18n } = useTranslation();
  return chartWords(i18n.language as Language);
}
