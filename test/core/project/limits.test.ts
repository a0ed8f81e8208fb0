// F1: size and depth limits apply before and during the parse, never a RangeError or a hang.
import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, parseProject } from '../../../core/index';
import { exampleText, english } from './helpers';

describe('parseProject size and depth limits (F1)', () => {
  it('F1 refuses a file over MAX_PROJECT_BYTES before parsing it, naming the limit', () => {
    const r = parseProject(' '.repeat(MAX_PROJECT_BYTES + 1));
    expect(english(r)).toEqual({ ok: false, more: 0, problems: [{ path: '(top level)', message: 'The file is too large (over 64 MiB, the limit for a project)' }] });
  });

  it('F1 refuses [[[[… nested 100 000 deep with a depth message, not a RangeError', () => {
    const r = parseProject('['.repeat(100_000) + ']'.repeat(100_000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/^File is too deeply nested \(limit 64\) at \[0\]\[0\]\[0\]\[0\]\[0\]\[0\]…$/);
  });

  it('F1 names the path inside a real project where the nesting gets too deep', () => {
    const deep = '{"a":'.repeat(70) + '1' + '}'.repeat(70);
    const text = exampleText('xor').replace('"params": {}', `"params": ${deep}`);
    const r = parseProject(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toBe('File is too deeply nested (limit 64) at graph.nodes[0].params.a.a…');
  });

  it('F1 refuses an array of 10^7 numbers by its value count', () => {
    const r = parseProject(`[${'1,'.repeat(10_000_000)}1]`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toBe('The file holds more than 4 000 000 values (the limit)');
  });

  it('F1 refuses a 50 MB string value by its length', () => {
    const r = parseProject(`{"format":"bpnn-project","name":"${'x'.repeat(50_000_000)}"}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.problems[0])).toEqual({ path: 'name', message: 'A string is longer than the limit of 1 000 000 characters' });
  });

  it('reports invalid JSON with its line and column', () => {
    const r = parseProject('{\n  "format": "bpnn-project",\n  "version": 1,,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toBe("Invalid JSON at line 3, column 16: expected a property name in double quotes but found ','");
  });

  it.each([
    ['', 'the file ends too early (it is empty)'],
    ['{"a": tru}', "expected a value but found 't'"],
    ['{"a": 1} x', 'expected the end of the file after the JSON value'],
    ['{"a": "b\\x"}', 'expected a valid escape'],
    ['{"a": 01}', "expected ',' or '}' but found '1'"],
    ['{"a": "line\nbreak"}', 'a control character inside a string'],
    ["{'a': 1}", 'expected a property name in double quotes'],
  ])('reports invalid JSON %j clearly', (text, expected) => {
    const r = parseProject(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain(expected);
  });
});

describe('parseProject text details', () => {
  it('accepts a file that starts with a byte-order mark', () => {
    expect(parseProject(`\uFEFF${exampleText('xor')}`).ok).toBe(true);
  });

  it('names an invisible character by its code point', () => {
    const r = parseProject('{"a": \u00A0}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toBe("Invalid JSON at line 1, column 7: expected a value but found '\u00A0' (U+00A0)");
    const z = parseProject('{"a": 1,\u200B}');
    expect(z.ok).toBe(false);
  });
});
