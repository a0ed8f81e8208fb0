// "Zoom to fit" is asked for outside React Flow (menu, toolbar, after open or tidy); the canvas
// registers the function that does it.
let fit: (() => void) | null = null;

export function registerFit(fn: (() => void) | null): void {
  fit = fn;
}

/** Fits after React Flow has rendered (and measured) the new nodes: two frames later. */
export function requestFit(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => fit?.()));
}
