// Short texts on the node face: shapes and parameter counts.
export function shapeText(shape: readonly number[] | null | undefined): string {
  return shape ? `[${shape.join(', ')}]` : '[?]';
}

export function countText(n: number): string {
  const text = n.toLocaleString('en-US');
  return `${text} param${n === 1 ? '' : 's'}`;
}
