// The dataset's warnings (N4: features around 1e6 → normalize): a notice, not an error — Train
// stays enabled. Shown above the Data and Training panels, next to the dataset and the Train button.
import { useTranslation } from 'react-i18next';
import { useDataWarnings } from '../store/validation';
import { useSpoken } from '../i18n/core-text';

export function DataWarnings() {
  const { t } = useTranslation();
  const warnings = useDataWarnings();
  const spoken = useSpoken();
  if (warnings.length === 0) return null;
  return (
    <div className="data-warnings" role="note" aria-label={t('app.dataWarnings')} data-testid="data-warnings">
      <strong>{t('app.aboutTheData')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{spoken(w)}</li>
        ))}
      </ul>
    </div>
  );
}
