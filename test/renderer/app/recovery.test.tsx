// @vitest-environment jsdom
// A separate file from lifecycle.test.tsx: start-up runs once per page (module), as in the app.
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BpnnApi } from '../../../runtime/api';
import { setApi } from '../../../renderer/backend/api';
import { useAppLifecycle } from '../../../renderer/app/lifecycle';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';

function Host() {
  useAppLifecycle();
  return null;
}

afterEach(cleanup);

describe('crash recovery at start', () => {
  it('offers the backup, restores it as unsaved work on "Restore" and skips the initial project', async () => {
    const restored = { ...exampleProject('linear'), name: 'restored work' };
    const initialProject = vi.fn();
    const restoreBackup = vi.fn(async () => ({ ok: true as const, project: restored, filePath: '/w/lin.bpnn', fileName: 'lin.bpnn' }));
    setApi({
      platform: 'desktop',
      recoveryOffers: async () => [{ backupId: 'b1', fileName: 'lin.bpnn', filePath: '/w/lin.bpnn', savedAt: '2026-11-27T10:00:00Z' }],
      restoreBackup,
      initialProject,
      setDocumentState: async () => undefined,
      onMenuCommand: () => () => undefined,
    } as unknown as BpnnApi);
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));

    render(<Host />);
    await waitFor(() => expect(useUiStore.getState().question?.title).toBe('Restore unsaved work?'));
    expect(useUiStore.getState().question?.message).toContain('lin.bpnn');
    useUiStore.getState().answer('Restore');
    await waitFor(() => expect(useProjectStore.getState().project.name).toBe('restored work'));
    expect(restoreBackup).toHaveBeenCalledWith('b1');
    expect(initialProject).not.toHaveBeenCalled();
    expect(useProjectStore.getState().fileName).toBe('lin.bpnn');
    // Restored work is not in the file yet: it stays marked unsaved until saved.
    expect(useProjectStore.getState().dirty).toBe(true);
  });
});
