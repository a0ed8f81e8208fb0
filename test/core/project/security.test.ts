// F2: no prototype pollution, however the key is written and wherever it sits.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProject, validateProjectValue } from '../../../core/index';
import { exampleText, goldenText, english } from './helpers';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;
const objectProtoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectProtoKeys);
}

afterEach(expectPrototypeClean);

/** Every spelling a hostile file might use for a key, escapes included. */
function spellings(key: string): string[] {
  const first = key.charCodeAt(0).toString(16).padStart(4, '0');
  return [key, `\\u${first}${key.slice(1)}`, key.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')];
}

describe('forbidden keys (F2)', () => {
  it('F2 refuses "__proto__" at the top level with its path', () => {
    const text = exampleText('xor').replace('{\n  "format"', '{\n  "__proto__": {"polluted": 1},\n  "format"');
    expect(english(parseProject(text))).toEqual({ ok: false, more: 0, problems: [{ path: '(top level)', message: "Forbidden key '__proto__' at (top level)" }] });
  });

  it('F2 refuses "constructor": {"prototype": …} nested in a node and names both', () => {
    const text = exampleText('xor').replace('"params": { "outFeatures": 32 }', '"params": { "constructor": { "prototype": { "polluted": 1 } } }');
    const r = parseProject(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(english(r.problems)).toEqual([
        { path: 'graph.nodes[1].params', message: "Forbidden key 'constructor' at graph.nodes[1].params" },
        { path: 'graph.nodes[1].params.constructor', message: "Forbidden key 'prototype' at graph.nodes[1].params.constructor" },
      ]);
    }
  });

  it('F2 refuses the unicode-escaped spelling "\\u005f_proto__" at graph.nodes[1]', () => {
    const text = exampleText('xor').replace('"id": "fc1",', '"id": "fc1", "\\u005f_proto__": {"polluted": 1},');
    const r = parseProject(text);
    expect(english(r)).toEqual({ ok: false, more: 0, problems: [{ path: 'graph.nodes[1]', message: "Forbidden key '__proto__' at graph.nodes[1]" }] });
  });

  it('F2 refuses forbidden keys at random depths and spellings in an otherwise valid project (property)', () => {
    const base = JSON.parse(exampleText('xor')) as Record<string, unknown>;
    // Containers in the example where an extra key can go, with their printed paths.
    const spots: [string[], string][] = [
      [[], '(top level)'],
      [['graph'], 'graph'],
      [['graph', 'nodes', '2'], 'graph.nodes[2]'],
      [['graph', 'nodes', '3', 'params'], 'graph.nodes[3].params'],
      [['graph', 'nodes', '4', 'position'], 'graph.nodes[4].position'],
      [['graph', 'edges', '0'], 'graph.edges[0]'],
      [['dataset', 'params'], 'dataset.params'],
      [['training', 'optimizer'], 'training.optimizer'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...spots), fc.constantFrom(...FORBIDDEN), fc.integer({ min: 0, max: 2 }), ([at, printed], key, spelling) => {
        const doc = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        let target = doc as Record<string, unknown>;
        for (const k of at) target = target[k] as Record<string, unknown>;
        target.__marker__ = { polluted: 1 };
        const text = JSON.stringify(doc, null, 1).replace('"__marker__"', `"${spellings(key)[spelling]}"`);
        const r = parseProject(text);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(english(r.problems[0])).toEqual({ path: printed, message: `Forbidden key '${key}' at ${printed}` });
        expectPrototypeClean();
      }),
      { numRuns: 200 },
    );
  });

  it('F2 refuses an in-memory value carrying an own "__proto__" key (IPC payload)', () => {
    const value = JSON.parse(exampleText('xor').replace('"seed": 1\n  }', '"seed": 1, "__proto__": { "polluted": 1 }\n  }')) as unknown;
    const r = validateProjectValue(value);
    expect(english(r)).toEqual({ ok: false, more: 0, problems: [{ path: 'dataset', message: "Forbidden key '__proto__' at dataset" }] });
  });

  it('refuses a cyclic in-memory value with the depth message instead of looping', () => {
    const value = JSON.parse(exampleText('xor')) as { graph: { nodes: unknown[] } };
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    value.graph.nodes.push(loop);
    const r = validateProjectValue(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^File is too deeply nested \(limit 64\) at graph\.nodes\[7\]\.self\.self\.self…$/);
  });

  it('refuses class instances and functions in an in-memory value', () => {
    const value = JSON.parse(exampleText('xor')) as Record<string, unknown>;
    value.description = new Date(0);
    (value.graph as Record<string, unknown>).extra = () => 1;
    const r = validateProjectValue(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(english(r.problems)).toContainEqual({ path: 'description', message: 'Only plain objects can be stored in a project' });
      expect(english(r.problems)).toContainEqual({ path: 'graph.extra', message: 'A function cannot be stored in a project' });
    }
  });

  it('refuses reserved words as node ids, since they would key the weights object', () => {
    const text = exampleText('xor').replaceAll('"sig3"', '"constructor"');
    const r = parseProject(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.problems)).toContainEqual({ path: 'graph.nodes[6].id', message: 'This name is reserved and cannot be a node id; rename the node' });
  });
});

describe('validateProjectValue on in-memory projects', () => {
  it('treats an undefined optional field as absent, as JSON does', () => {
    const value = JSON.parse(goldenText()) as { runs: Record<string, unknown>[] };
    value.runs[0].sweep = undefined;
    (value.runs[0].result as Record<string, unknown>).errorMessage = undefined;
    const r = validateProjectValue(value);
    expect(r.ok).toBe(true);
  });

  it('still refuses an undefined required field, naming it', () => {
    const value = JSON.parse(goldenText()) as Record<string, unknown>;
    value.name = undefined;
    expect(english(validateProjectValue(value))).toEqual({ ok: false, more: 0, problems: [{ path: 'name', message: 'Invalid input: expected string, received undefined' }] });
  });
});
