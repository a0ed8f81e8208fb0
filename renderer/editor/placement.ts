// Where a node added from the keyboard lands: the visible centre, stepped aside from any node
// already there so repeated Enter presses do not stack nodes exactly on top of each other.
import type { XY } from '../store/graph-edits';

export const CASCADE: XY = { x: 30, y: 30 };
const NEAR = 12;

export function freeSpotNear(centre: XY, taken: readonly XY[]): XY {
  let p = centre;
  for (let i = 0; i < 50; i++) {
    if (!taken.some((t) => Math.abs(t.x - p.x) < NEAR && Math.abs(t.y - p.y) < NEAR)) return p;
    p = { x: p.x + CASCADE.x, y: p.y + CASCADE.y };
  }
  return p;
}

export const CANVAS_ID = 'network-canvas';
export const DRAG_MIME = 'application/x-bpnn-node';
