// The params table of docs/format.md, written from the block definitions (a test checks the
// document holds it, so the two cannot disagree).
import { NODE_TYPES } from '../graph/spec';
import type { ParamSchema } from './define';
import { blockOf } from './index';

function paramText(p: ParamSchema): string {
  if (p.kind === 'boolean') return `\`${p.key}\` (\`true\`/\`false\`, default \`${p.default}\`)`;
  const what = p.kind === 'int' ? 'whole number' : 'number';
  return `\`${p.key}\` (${what} from ${p.min} to ${p.max}${p.optional ? `, default ${p.default}` : ''})`;
}

/** One markdown row per kind with params, in NODE_TYPES order, then the row for the rest. */
export function paramTableRows(): string[] {
  const rows = NODE_TYPES.filter((t) => blockOf(t).params.length > 0).map((t) => `| \`${t}\` | ${blockOf(t).params.map(paramText).join(', ')} |`);
  return [...rows, '| others | none: `{}` |'];
}
