// The engine's sentences as values: rendered in each language from the catalogs, nested Texts in
// the reader's language too, and English kept as `message` for readers without a catalog.
import { describe, expect, it } from 'vitest';
import { render, say, saying, spoken } from '../../core/index';
import { listSaid, nodeSaid, internalErrorSaid, orSaid, pathSaid, tensorSaid, valueSaid } from '../../core/graph/describe';

describe('engine messages', () => {
  it('renders a nested Text in the language asked for', () => {
    const text = internalErrorSaid(nodeSaid('Linear', 'fc1'), new Error('boom'));
    expect(render(text)).toBe("The engine could not Linear 'fc1' (boom). This is a bug in BPNN Studio; your project is safe.");
    expect(render(text, 'zh-TW')).toBe('引擎無法Linear「fc1」（boom）。這是 BPNN Studio 的錯誤；你的專案安然無恙。');
  });

  it('lists names with each language\'s quotes, separator and "and"', () => {
    expect(render(listSaid(['a', 'b', 'c']) as never)).toBe("'a', 'b' and 'c'");
    expect(render(listSaid(['a', 'b', 'c']) as never, 'zh-TW')).toBe('「a」、「b」和「c」');
    expect(render(listSaid(['a']) as never, 'zh-TW')).toBe('「a」');
    expect(listSaid([])).toBe('');
  });

  it('says tensors, choices, paths and junk values in each language, literals as typed', () => {
    expect(render(tensorSaid([4, 30]))).toBe('a 3-D tensor [N, 4, 30]');
    expect(render(tensorSaid([4, 30]), 'zh-TW')).toBe('3 維張量 [N, 4, 30]');
    expect(render(orSaid(['Add', 'Concat']) as never, 'zh-TW')).toBe('Add 或 Concat');
    expect(render(pathSaid(['a', 'b', 'a']) as never)).toBe("'a' → 'b' → 'a'");
    expect(render(valueSaid([1]) as never, 'zh-TW')).toBe('一個清單');
    expect(valueSaid('x')).toBe('"x"');
    expect(valueSaid(undefined)).toBe('undefined');
  });

  it('keeps the English sentence beside the Text, and reads either', () => {
    const p = { code: 'x', ...saying(nodeSaid(null, 'n1')) };
    expect(p.message).toBe("node 'n1'");
    expect(spoken(p, 'zh-TW')).toBe('節點「n1」');
    expect(spoken({ message: 'only English' }, 'zh-TW')).toBe('only English');
  });

  it('does not interpolate what a parameter holds (a name with braces stays as typed)', () => {
    expect(render(say('describe.node', { type: 'Linear', id: '{{type}}' }))).toBe("Linear '{{type}}'");
  });

  it('an unknown key is a type error', () => {
    // @ts-expect-error: tsc fails here if keys stop being typed.
    const bad = () => say('describe.noSuchKey');
    expect(bad).toBeTypeOf('function');
  });
});
