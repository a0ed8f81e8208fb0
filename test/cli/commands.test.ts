// `bpnn validate`, `bpnn predict`, and the error contract for bad input: one line on stderr,
// a documented exit code, never a stack trace.
import { describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bpnn, expectOneLineError, tempDir, writeTemp } from './run';

const xorText = readFileSync('examples/xor.bpnn', 'utf8');

describe('bpnn validate', () => {
  it.each(['xor', 'linear', 'spiral-softmax', 'waves-conv1d', 'residual-spiral'])('prints the memory line and ok, and exits 0 for examples/%s.bpnn', (name) => {
    const r = bpnn(['validate', `examples/${name}.bpnn`]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([expect.stringMatching(/^memory: needs about [\d.]+ KB for a batch of \d+ \(limit [\d.]+ [MG]B\): ok$/), 'ok']);
  });

  it('prints each schema problem with its path and exits 1', () => {
    const dir = tempDir();
    const path = writeTemp(dir, 'bad.bpnn', xorText.replace('"outFeatures": 32', '"outFeatures": "wide"').replace('"epochs": 5000', '"epochs": null'));
    const r = bpnn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      'graph.nodes[1].params.outFeatures: Invalid input: expected a number or true/false, received string',
      'training.epochs: Invalid input: expected number, received null',
    ]);
  });

  it('prints graph and loss problems with the node they are on', () => {
    const dir = tempDir();
    const path = writeTemp(dir, 'loss.bpnn', xorText.replace('"outFeatures": 1 }', '"outFeatures": 3 }').replace('"id": "sig3",\n        "type": "Sigmoid"', '"id": "sig3",\n        "type": "Softmax"'));
    const r = bpnn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^graph\.nodes\[6\] 'sig3': Binary cross-entropy needs one Sigmoid output/);
  });

  it('lists 20 problems and counts the rest', () => {
    const doc = JSON.parse(xorText);
    doc.graph.nodes = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, type: 'Dense', params: {}, position: { x: 0, y: 0 } }));
    doc.graph.edges = [];
    const r = bpnn(['validate', writeTemp(tempDir(), 'many.bpnn', JSON.stringify(doc))]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(21);
    expect(r.lines[20]).toBe('…and 9 980 more');
  });
});

describe('bpnn predict', () => {
  const trained = (() => {
    let path: string | null = null;
    return (): string => {
      if (path === null) {
        path = join(tempDir(), 'xor-trained.bpnn');
        const r = bpnn(['train', 'examples/xor.bpnn', '--out', path, '--json']);
        if (r.code !== 0) throw new Error(r.stderr);
      }
      return path;
    };
  })();

  it('prints a header and one prediction per row with class and probabilities', () => {
    const points = writeTemp(tempDir(), 'points.csv', 'x1,x2\n0.1,0.9\n0,0\n1,0\n');
    const r = bpnn(['predict', trained(), '--input', points]);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('row,class,p(0),p(1)');
    expect(r.lines).toHaveLength(4);
    expect(r.lines.slice(1).map((l) => l.split(',')[1])).toEqual(['1', '0', '1']);
    for (const l of r.lines.slice(1)) {
      const [, , p0, p1] = l.split(',').map(Number);
      expect(p0 + p1).toBeCloseTo(1, 5);
    }
  });

  it('--json prints one object per row', () => {
    const points = writeTemp(tempDir(), 'points.csv', '0.1,0.9\n');
    const r = bpnn(['predict', trained(), '--input', points, '--json']);
    const row = JSON.parse(r.lines[0]) as { row: number; class: string; probabilities: Record<string, number> };
    expect(row.row).toBe(1);
    expect(row.class).toBe('1');
    expect(Object.keys(row.probabilities)).toEqual(['0', '1']);
  });

  it('names the row and column of a bad number', () => {
    const points = writeTemp(tempDir(), 'points.csv', 'x1,x2\n0.1,0.9\n1,abc\n');
    expectOneLineError(bpnn(['predict', trained(), '--input', points]), 1, /points\.csv: row 3, column 2: 'abc' is not a number$/, expect);
  });

  it('says how many values a row should have', () => {
    const points = writeTemp(tempDir(), 'points.csv', '0.1,0.9,3\n');
    expectOneLineError(bpnn(['predict', trained(), '--input', points]), 1, /row 1 has 3 values but the network takes 2 per point$/, expect);
  });

  it('refuses an untrained project and says how to train it', () => {
    const points = writeTemp(tempDir(), 'points.csv', '0.1,0.9\n');
    expectOneLineError(bpnn(['predict', 'examples/xor.bpnn', '--input', points]), 1, /has not been trained yet.*bpnn train/, expect);
  });

  it('refuses an empty points file', () => {
    const points = writeTemp(tempDir(), 'points.csv', '\n\n');
    expectOneLineError(bpnn(['predict', trained(), '--input', points]), 1, /the file has no rows/, expect);
  });
});

describe('bad input gives one clear line and a non-zero exit', () => {
  it('a missing file', () => {
    expectOneLineError(bpnn(['train', 'no-such.bpnn']), 1, /^bpnn: Cannot read project 'no-such\.bpnn': no such file$/, expect);
  });

  it('a folder instead of a file', () => {
    expectOneLineError(bpnn(['validate', 'examples']), 1, /'examples' is not a regular file \(it is a folder\); open a \.bpnn project file$/, expect);
  });

  it('invalid JSON, with line and column', () => {
    const path = writeTemp(tempDir(), 'broken.bpnn', '{\n  "format": "bpnn-project",\n  "version": 1\n  "name": "x"\n}');
    expectOneLineError(bpnn(['train', path]), 1, /Invalid JSON at line 4, column 3: expected ',' or '}' but found '"'$/, expect);
  });

  it('a project from a newer app', () => {
    const path = writeTemp(tempDir(), 'future.bpnn', xorText.replace(/"version": \d+/, '"version": 7'));
    expectOneLineError(bpnn(['train', path]), 1, /version: This project was made with a newer BPNN Studio \(format 7\)\. Update the app to open it\.$/, expect);
  });

  it('an invalid graph, naming the node', () => {
    const path = writeTemp(tempDir(), 'graph.bpnn', xorText.replace('"target": "fc1"', '"target": "sig1"'));
    expectOneLineError(bpnn(['train', path]), 1, /graph\.nodes\[\d\] '\w+': /, expect);
  });

  it('a forbidden key (train: one line on stderr; validate: the problem on stdout)', () => {
    const path = writeTemp(tempDir(), 'proto.bpnn', xorText.replace('"name"', '"__proto__": {"polluted": 1}, "name"'));
    expectOneLineError(bpnn(['train', path]), 1, /Forbidden key '__proto__' at \(top level\)$/, expect);
    const v = bpnn(['validate', path]);
    expect(v.code).toBe(1);
    expect(v.lines).toEqual(["(top level): Forbidden key '__proto__' at (top level)"]);
  });

  it.each([
    [['train', 'examples/xor.bpnn', '--epochs', 'abc'], /--epochs must be a whole number from 1 to 1000000, not 'abc'/],
    [['train', 'examples/xor.bpnn', '--epochs', '2.5'], /--epochs must be a whole number/],
    [['train', 'examples/xor.bpnn', '--seed', 'x'], /--seed must be a whole number/],
    [['train', 'examples/xor.bpnn', '--frobnicate'], /unknown option '--frobnicate'/],
    [['train'], /missing required argument 'project'/],
    [['predict', 'examples/xor.bpnn'], /required option '--input <file>' not specified/],
    [['fly'], /unknown command 'fly'/],
  ])('bad command line %j → exit 2', (args, pattern) => {
    expectOneLineError(bpnn(args), 2, pattern, expect);
  });

  it('an output path in a folder that does not exist is refused before training', () => {
    const r = bpnn(['train', 'examples/xor.bpnn', '--json', '--out', '/nonexistent-dir/x.bpnn']);
    expectOneLineError(r, 1, /^bpnn: Cannot write '\/nonexistent-dir\/x\.bpnn': the folder '\/nonexistent-dir' does not exist$/, expect);
    expect(r.stdout).toBe('');
  });

  it('an output path that is a folder is refused before training', () => {
    expectOneLineError(bpnn(['train', 'examples/xor.bpnn', '--weights', 'examples']), 1, /Cannot write 'examples': it is a folder, not a file$/, expect);
  });
});

describe('bpnn validate: training settings', () => {
  it('prints a setting out of range under training.', () => {
    const path = writeTemp(tempDir(), 'neg.bpnn', xorText.replace('"lr": 0.05', '"lr": -1'));
    const r = bpnn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/^training\.optimizer\.lr: .*above 0 and at most 100/);
  });
});

describe('bpnn and oversized files (F1)', () => {
  it('F1 refuses a 200 MB sparse file from its size on disk, without reading it', () => {
    const path = join(tempDir(), 'huge.bpnn');
    writeFileSync(path, '');
    truncateSync(path, 200 * 1024 * 1024);
    expectOneLineError(bpnn(['train', path]), 1, /huge\.bpnn': it is 200\.0 MiB, over the limit of 64 MiB$/, expect);
  });
});
