import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenResult, SaveRequest, SaveResult } from '../../../runtime/api';
import { setApi } from '../../../renderer/backend/api';
import { exportWeights, newFile, openFile, save } from '../../../renderer/app/file-actions';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';
import { fakeApi } from '../fake-api';
import { parseProject } from '../../../core/index';
import { reportOpenProblems } from '../../../renderer/app/file-actions';
import { i18next } from '../../../renderer/i18n';

// requestFit runs after a frame; Node has no requestAnimationFrame.
vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));

/** Answers the next question the app asks with `choice`. */
function answerNext(choice: string | null): void {
  const unsub = useUiStore.subscribe((s) => {
    if (s.question) {
      unsub();
      s.answer(choice);
    }
  });
}

const store = () => useProjectStore.getState();

beforeEach(() => {
  store().loadProject(exampleProject('xor'), '/w/xor.bpnn', 'xor.bpnn');
  useUiStore.getState().showBanner(null);
});

describe('file actions', () => {
  it('asks before overwriting a file changed on disk, then saves with overwrite', async () => {
    const calls: SaveRequest[] = [];
    setApi(
      fakeApi({
        saveProject: async (req): Promise<SaveResult> => {
          calls.push(req);
          if (!req.overwrite) return { ok: false, canceled: false, conflict: true, message: 'xor.bpnn changed on disk.' };
          return { ok: true, filePath: '/w/xor.bpnn', fileName: 'xor.bpnn' };
        },
      }),
    );
    store().addNode('ReLU', { x: 0, y: 0 });
    answerNext('Overwrite');
    await expect(save(false)).resolves.toBe(true);
    expect(calls.map((c) => [c.filePath, c.overwrite ?? false])).toEqual([
      ['/w/xor.bpnn', false],
      ['/w/xor.bpnn', true],
    ]);
    expect(store().dirty).toBe(false);
  });

  it('keeps the project dirty and shows the message when saving fails', async () => {
    setApi(fakeApi({ saveProject: async () => ({ ok: false, canceled: false, conflict: false, message: 'Disk full.' }) }));
    store().addNode('ReLU', { x: 0, y: 0 });
    await expect(save(true)).resolves.toBe(false);
    expect(store().dirty).toBe(true);
    expect(useUiStore.getState().banner?.lines).toContain('Disk full.');
  });

  it('F8: a refused file leaves the open project and its undo history unchanged', async () => {
    store().addNode('ReLU', { x: 0, y: 0 });
    const before = store().project;
    const refused: OpenResult = { ok: false, canceled: false, fileName: 'bad.bpnn', problems: [{ path: 'version', message: 'is from the future' }], moreProblems: 0 };
    setApi(fakeApi({ openProject: async () => refused }));
    answerNext("Don't Save");
    await openFile();
    expect(store().project).toBe(before);
    expect(store().canUndo).toBe(true);
    expect(useUiStore.getState().banner).toMatchObject({ kind: 'error', title: 'Could not open bad.bpnn' });
  });

  it('Cancel in the unsaved-changes question keeps everything', async () => {
    store().addNode('ReLU', { x: 0, y: 0 });
    const before = store().project;
    answerNext('Cancel');
    await newFile();
    expect(store().project).toBe(before);
  });

  it('New without unsaved changes starts an untitled project at once', async () => {
    await newFile();
    expect(store().fileName).toBe('untitled.bpnn');
    expect(store().filePath).toBeNull();
    expect(store().dirty).toBe(false);
  });

  it('says to train first when there are no weights to export', async () => {
    const exportSpy = vi.fn();
    setApi(fakeApi({ exportWeights: exportSpy }));
    await exportWeights();
    expect(exportSpy).not.toHaveBeenCalled();
    expect(useUiStore.getState().banner?.title).toBe('No weights to export yet');
  });

  it('lists a refused file\'s problems in the app\'s language, the whole-file path too', async () => {
    const r = parseProject('{"a": 1, "a": 2}');
    if (r.ok) throw new Error('expected a refusal');
    await i18next.changeLanguage('zh-TW');
    try {
      reportOpenProblems({ ok: false, canceled: false, fileName: 'bad.bpnn', problems: r.problems, moreProblems: 0 });
      expect(useUiStore.getState().banner?.lines[0]).toBe('（最上層）：「a」在「最上層」出現了兩次；JSON 只會保留最後一個，請刪掉另一個');
    } finally {
      await i18next.changeLanguage('en');
    }
    reportOpenProblems({ ok: false, canceled: false, fileName: 'bad.bpnn', problems: r.problems, moreProblems: 0 });
    expect(useUiStore.getState().banner?.lines[0]).toBe("(top level): 'a' appears twice in (top level); JSON keeps only the last one, so remove the other");
  });
});
