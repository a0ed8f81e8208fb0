// Notices and file problems. Every message is rendered as text by React (never as HTML),
// because it may quote a hostile file (reliability case F8).
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../store/ui';

export function Banner() {
  const banner = useUiStore((s) => s.banner);
  const showBanner = useUiStore((s) => s.showBanner);
  const { t } = useTranslation();
  if (!banner) return null;
  return (
    <div className={`banner banner-${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} aria-label={banner.title}>
      <div className="banner-body">
        <strong>{banner.title}</strong>
        {banner.lines.length > 0 && (
          <ul>
            {banner.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="banner-close" aria-label={t('banner.dismiss')} onClick={() => showBanner(null)}>
        ×
      </button>
    </div>
  );
}
