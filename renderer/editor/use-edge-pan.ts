// Drives edge-pan.ts while a wire is drawn: one animation-frame loop from the wire's start to its
// end, reading the last pointer position and moving the view by what the rule says.
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { idleEdgePan, nextEdgePan, type Point } from './edge-pan';

export function useEdgePan(canvas: () => HTMLElement | null): { start: () => void; stop: () => void } {
  const { getViewport, setViewport } = useReactFlow();
  const stopRef = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
  }, []);

  const start = useCallback(() => {
    stop();
    const el = canvas();
    if (!el) return;
    let pointer: Point | null = null;
    let state = idleEdgePan(performance.now());
    let frame = 0;
    const onMove = (e: PointerEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
    };
    const tick = (now: number) => {
      if (pointer) {
        const r = el.getBoundingClientRect();
        const next = nextEdgePan(state, pointer, r, now);
        state = next.state;
        if (next.dx !== 0 || next.dy !== 0) {
          const v = getViewport();
          void setViewport({ x: v.x - next.dx, y: v.y - next.dy, zoom: v.zoom });
        }
      }
      frame = requestAnimationFrame(tick);
    };
    window.addEventListener('pointermove', onMove, true);
    // A wire that ends anywhere (dropped, cancelled, the window losing the pointer) ends the loop.
    window.addEventListener('pointerup', stop, true);
    window.addEventListener('pointercancel', stop, true);
    frame = requestAnimationFrame(tick);
    stopRef.current = () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', stop, true);
      window.removeEventListener('pointercancel', stop, true);
    };
  }, [canvas, getViewport, setViewport, stop]);

  useEffect(() => stop, [stop]);
  return { start, stop };
}
