// "Zoom to fit" is asked for outside React Flow (menu, toolbar after tidy); the canvas
// registers the function that does it.
let fit: (() => void) | null = null;

export function registerFit(fn: (() => void) | null): void {
  fit = fn;
}

/** Fits on the next frame, after React Flow has rendered any new positions. */
export function requestFit(): void {
  requestAnimationFrame(() => fit?.());
}
