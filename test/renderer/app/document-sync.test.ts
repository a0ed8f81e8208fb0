import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentState } from '../../../runtime/api';
import { createDocumentSync, DOCUMENT_STATE_DELAY_MS } from '../../../renderer/app/document-sync';
import { exampleProject } from '../fixtures';

const project = exampleProject('xor');
const edited = { ...project, name: 'edited' };
const editedAgain = { ...project, name: 'edited again' };
const state = (dirty: boolean, p = project, fileName = 'xor.bpnn'): DocumentState => ({ fileName, filePath: null, dirty, project: p });

function recorder() {
  const sent: DocumentState[] = [];
  const api = { setDocumentState: vi.fn(async (s: DocumentState) => void sent.push(s)) };
  return { sent, api };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('document state sent to main', () => {
  it('D8: becoming dirty reaches main at once, with the project, so closing right after an edit asks first', () => {
    const { sent, api } = recorder();
    const sync = createDocumentSync(api);
    sync.update(state(false));
    sync.update(state(true, edited));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(state(true, edited));
  });

  it('D5: later edits of a dirty project are sent once editing pauses, latest only', () => {
    const { sent, api } = recorder();
    const sync = createDocumentSync(api);
    sync.update(state(true, edited));
    sync.update(state(true, { ...project, name: 'drag 1' }));
    sync.update(state(true, editedAgain));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(DOCUMENT_STATE_DELAY_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    expect(sent[1].project?.name).toBe('edited again');
  });

  it('a rename, a save (clean) or a flush goes at once; a clean state carries no project', () => {
    const { sent, api } = recorder();
    const sync = createDocumentSync(api);
    sync.update(state(true, edited));
    sync.update(state(true, editedAgain));
    sync.flush();
    expect(sent.at(-1)?.project?.name).toBe('edited again');
    sync.update(state(true, editedAgain, 'renamed.bpnn'));
    expect(sent.at(-1)?.fileName).toBe('renamed.bpnn');
    sync.update(state(false, editedAgain, 'renamed.bpnn'));
    expect(sent.at(-1)).toMatchObject({ dirty: false, project: null });
    const count = sent.length;
    vi.advanceTimersByTime(DOCUMENT_STATE_DELAY_MS * 2);
    expect(sent).toHaveLength(count);
  });

  it('knows when main has confirmed the dirty flag', async () => {
    const { api } = recorder();
    const sync = createDocumentSync(api);
    sync.update(state(true, edited));
    expect(sync.mainKnowsDirty()).toBe(false);
    await vi.waitFor(() => expect(sync.mainKnowsDirty()).toBe(true));
    sync.update(state(false));
    await vi.waitFor(() => expect(sync.mainKnowsDirty()).toBe(false));
  });
});
