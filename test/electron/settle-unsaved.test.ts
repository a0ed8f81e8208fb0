// The unsaved-changes prompt (D8) saves what the window holds when the user answers, not what
// it held when the prompt opened: the window sends its latest edits as the prompt takes focus.
import { describe, expect, it, vi } from 'vitest';
import type { Project } from '../../core/index';
import { settleUnsaved } from '../../electron/main/actions';
import type { AppContext } from '../../electron/main/context';
import { DocumentTracker } from '../../electron/main/document';
import { xorProject } from './helpers/requests';

const named = (name: string): Project => ({ ...xorProject(), name });

function fakeContext(answer: 'save' | 'discard' | 'cancel', duringPrompt: (doc: DocumentTracker) => void) {
  const doc = new DocumentTracker();
  const save = vi.fn(async (_p: Project, target: string) => ({ ok: true as const, filePath: target, fileName: 'chosen.bpnn' }));
  const clear = vi.fn(async (_id: string) => undefined);
  const ctx = {
    window: () => null,
    doc,
    files: { save },
    backups: { clear },
    recent: { add: vi.fn() },
    dialogs: {
      askUnsaved: vi.fn(async () => {
        duringPrompt(doc);
        return answer;
      }),
      chooseSavePath: vi.fn(async () => '/tmp/bpnn-settle/chosen.bpnn'),
      showError: vi.fn(async () => undefined),
    },
  } as unknown as AppContext;
  return { ctx, doc, save, clear };
}

describe('settling unsaved changes', () => {
  it('D8: Save writes the edits that reached main while the prompt was open', async () => {
    const { ctx, doc, save } = fakeContext('save', (d) =>
      d.fromRenderer({ fileName: 'untitled.bpnn', filePath: null, dirty: true, project: named('latest edit') }),
    );
    doc.fromRenderer({ fileName: 'untitled.bpnn', filePath: null, dirty: true, project: named('first edit') });
    expect(await settleUnsaved(ctx)).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0].name).toBe('latest edit');
    expect(doc.current.dirty).toBe(false);
  });

  it("D8: Don't Save drops the backup of the document shown when the user answered", async () => {
    const { ctx, doc, clear } = fakeContext('discard', () => undefined);
    doc.fromRenderer({ fileName: 'untitled.bpnn', filePath: null, dirty: true, project: named('throw away') });
    const id = doc.current.documentId;
    expect(await settleUnsaved(ctx)).toBe(true);
    expect(clear).toHaveBeenCalledWith(id);
  });
});
