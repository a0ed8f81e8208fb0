// The bar between the canvas and the charts: drag it, or focus it and use the arrow keys,
// to give one of them more room.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const SHARE_MIN = 0.25;
export const SHARE_MAX = 0.85;
const KEY_STEP = 0.05;

export const clampShare = (v: number): number => Math.min(SHARE_MAX, Math.max(SHARE_MIN, v));

interface Props {
  /** The canvas's share of the height, SHARE_MIN..SHARE_MAX. */
  share: number;
  onChange(share: number): void;
}

export function Splitter({ share, onChange }: Props) {
  const { t } = useTranslation();
  const dragging = useRef(false);

  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.height > 0) onChange(clampShare((e.clientY - box.top) / box.height));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const next =
      e.key === 'ArrowUp' ? share - KEY_STEP
      : e.key === 'ArrowDown' ? share + KEY_STEP
      : e.key === 'Home' ? SHARE_MIN
      : e.key === 'End' ? SHARE_MAX
      : null;
    if (next === null) return;
    e.preventDefault();
    onChange(clampShare(next));
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('app.resizeSplit')}
      aria-valuemin={Math.round(SHARE_MIN * 100)}
      aria-valuemax={Math.round(SHARE_MAX * 100)}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (dragging.current) fromPointer(e);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    />
  );
}
