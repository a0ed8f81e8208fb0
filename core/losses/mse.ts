// Mean squared error over every element: L = mean((p − y)²), dL/dp = 2(p − y)/count.

export function mse(p: Float64Array, y: Float64Array, count: number, grad: Float64Array | null): number {
  let sum = 0;
  const inv = 1 / count;
  for (let i = 0; i < count; i++) {
    const d = p[i] - y[i];
    sum += d * d;
    if (grad) grad[i] = 2 * d * inv;
  }
  return sum * inv;
}
