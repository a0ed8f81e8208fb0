// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetSpec, Project } from '../../../core/index';
import { DataWarnings } from '../../../renderer/app/DataWarnings';
import { useProjectStore } from '../../../renderer/store/project';
import { validateProject } from '../../../renderer/store/validation';
import { exampleProject } from '../fixtures';

afterEach(cleanup);

/** XOR-shaped inline data with one feature around 1e6 (N4). */
function hugeFeatures(): DatasetSpec {
  const features = [0, 1, 2, 3].map((i) => [(i % 2) * 1e6, Math.floor(i / 2)]);
  return { kind: 'inline', name: 'prices.csv', featureNames: ['price', 'rooms'], features, labels: [0, 1, 1, 0], classNames: ['no', 'yes'] };
}
const withData = (dataset: DatasetSpec): Project => ({ ...exampleProject('xor'), dataset });

describe('dataset warnings', () => {
  it('N4: features around 1e6 give a warning that suggests normalizing, and Train stays enabled', () => {
    const v = validateProject(withData(hugeFeatures()));
    expect(v.canTrain).toBe(true);
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0].message).toMatch(/'price'/);
    expect(v.warnings[0].message).toMatch(/Normalize/);
    expect(validateProject(exampleProject('xor')).warnings).toEqual([]);
  });

  it('N4: the warning is shown as a notice (not an alert) and goes away with the data', () => {
    act(() => useProjectStore.getState().loadProject(withData(hugeFeatures()), null, 'prices.bpnn'));
    render(<DataWarnings />);
    const note = screen.getByRole('note', { name: 'Data warnings' });
    expect(note.textContent).toMatch(/Normalize the data/);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => useProjectStore.getState().loadProject(exampleProject('xor'), null, 'xor.bpnn'));
    expect(screen.queryByRole('note')).toBeNull();
  });
});
