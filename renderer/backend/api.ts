// The renderer's single handle on the outside world. main.tsx picks the implementation
// (desktop preload or browser worker) once at start; everything else calls getApi().
import type { BpnnApi } from '../../runtime/api';

let current: BpnnApi | null = null;

export function setApi(api: BpnnApi): void {
  current = api;
}

export function getApi(): BpnnApi {
  if (!current) throw new Error('BpnnApi used before main.tsx chose a backend');
  return current;
}
