// Short texts on the node face: shapes and parameter counts.
import { t } from '../i18n';

export function shapeText(shape: readonly number[] | null | undefined): string {
  return shape ? `[${shape.join(', ')}]` : '[?]';
}

export function countText(n: number): string {
  return t('blockFace.params', { count: n, n: n.toLocaleString('en-US') });
}
