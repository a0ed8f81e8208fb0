// The desktop backend: the preload (electron/preload) exposes BpnnApi as window.bpnn.
// Read through a narrow cast rather than a global declaration so this file does not
// compete with the preload's own typing.
import type { BpnnApi } from '../../runtime/api';

export function desktopApi(): BpnnApi | null {
  const candidate = (window as unknown as { bpnn?: BpnnApi }).bpnn;
  return candidate && typeof candidate.openProject === 'function' ? candidate : null;
}
