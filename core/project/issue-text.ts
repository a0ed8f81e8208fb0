// zod's problems as catalog Texts. zod words its issues in English itself (its locale); the
// loader keeps that English as the message, and this says the same sentence through the
// catalogs, so a student reading Chinese does not get "Invalid input: expected number". The
// schema's own issues carry their Text in `params.text` (schema.ts); zod's built-in ones are
// read back from their code and wording, and anything unrecognised is passed on as it is.
import type { z } from 'zod';
import { isText, say, type Param, type Text } from '../messages/text';

const TYPES = ['string', 'number', 'boolean', 'object', 'array', 'null', 'record', 'map', 'set', 'bigint', 'function', 'symbol', 'undefined'] as const;
type TypeName = (typeof TYPES)[number];

/** "number" as the reader's language names the kind of value; an unknown name as it is. */
export function typeSaid(type: string): Param {
  return (TYPES as readonly string[]).includes(type) ? say(`file.type.${type as TypeName}`) : type;
}

/** The Text for one zod issue; `maxChars` bounds what it echoes from the file (keys, values). */
export function zodIssueText(issue: z.core.$ZodIssue, maxChars: number): Text {
  const cut = (s: string): string => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  const m = issue.message;
  switch (issue.code) {
    case 'custom': {
      const own = (issue.params as { text?: unknown } | undefined)?.text;
      if (isText(own)) return own;
      break;
    }
    case 'invalid_type': {
      const received = /, received (.*)$/.exec(m)?.[1];
      if (received === undefined || m !== `Invalid input: expected ${issue.expected}, received ${received}`) break;
      const expected = typeSaid(issue.expected);
      return received === 'undefined' ? say('file.schema.missing', { expected }) : say('file.schema.invalidType', { expected, received: typeSaid(received) });
    }
    case 'invalid_value': {
      const [one, many] = ['Invalid input: expected ', 'Invalid option: expected one of '];
      if (m.startsWith(many)) return say('file.schema.expectedOneOf', { values: cut(m.slice(many.length)) });
      if (m.startsWith(one)) return say('file.schema.expectedValue', { value: cut(m.slice(one.length)) });
      break;
    }
    case 'too_small':
    case 'too_big': {
      const r = /^Too (?:small|big): expected (\S+) to be (.+)$/.exec(m);
      if (r) return say(issue.code === 'too_small' ? 'file.schema.tooSmall' : 'file.schema.tooBig', { what: typeSaid(r[1]), bound: r[2] });
      break;
    }
    case 'unrecognized_keys': {
      const r = /^Unrecognized keys?: ([\s\S]*)$/.exec(m);
      if (r) return say('file.schema.unrecognizedKeys', { count: issue.keys.length, keys: cut(r[1]) });
      break;
    }
    case 'invalid_union': {
      const d = 'Invalid discriminator value. Expected ';
      if (m.startsWith(d)) return say('file.schema.discriminator', { options: cut(m.slice(d.length)) });
      if (m === 'Invalid input') return say('file.schema.invalid');
      break;
    }
    case 'invalid_key':
      if (m === `Invalid key in ${issue.origin}`) return say('file.schema.invalidKey', { where: typeSaid(issue.origin) });
      break;
    case 'invalid_element':
      if (m === `Invalid value in ${issue.origin}`) return say('file.schema.invalidElement', { where: typeSaid(issue.origin) });
      break;
    default:
      break;
  }
  return say('file.schema.other', { message: cut(m) });
}
