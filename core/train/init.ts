// Weight initialisation, seeded. Draw order is fixed (layers in order, weight then bias,
// row-major) so the same seed gives the same weights bit for bit on every host.
import type { Param } from '../layers/layer';
import type { Rng } from '../random';
import type { InitName } from './types';

/** fan-in and fan-out of a weight [out, in, ...kernel]: in·k and out·k. */
function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i];
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

/**
 * 'normal': the lab's randn for weights and biases alike; 'xavier': Glorot uniform
 * U(±√(6/(fanIn+fanOut))), biases 0; 'he': Kaiming normal N(0, 2/fanIn), biases 0.
 */
export function initialiseLayers(layers: readonly { readonly params: readonly Param[] }[], init: InitName, rng: Rng): void {
  for (const layer of layers) {
    for (const p of layer.params) {
      const v = p.value;
      if (init === 'normal') {
        for (let i = 0; i < v.length; i++) v[i] = rng.normal();
        continue;
      }
      if (p.name === 'bias') {
        v.fill(0);
        continue;
      }
      const { fanIn, fanOut } = fans(p.shape);
      if (init === 'xavier') {
        const limit = Math.sqrt(6 / (fanIn + fanOut));
        for (let i = 0; i < v.length; i++) v[i] = rng.uniform(-limit, limit);
      } else {
        const std = Math.sqrt(2 / fanIn);
        for (let i = 0; i < v.length; i++) v[i] = std * rng.normal();
      }
    }
  }
}
