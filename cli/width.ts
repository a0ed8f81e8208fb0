// Columns as a terminal draws them: a Chinese character takes two cells, so a table padded by
// string length would drift out of line in zh-TW.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

export const displayWidth = (s: string): number => s.length + (s.match(WIDE)?.length ?? 0);

export const padEndTo = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

export const padStartTo = (s: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

/** An aligned table: the first column to the left, the others to the right, a rule under the head. */
export function alignedTable(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((h, c) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[c]))));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === 0 ? padEndTo(cell, widths[c]) : padStartTo(cell, widths[c]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
