// @vitest-environment jsdom
// The examples' titles and descriptions come from the catalogs, in the current language; a
// project the student described keeps its own words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../renderer/locales/en.json';
import zhTW from '../../../renderer/locales/zh-TW.json';
import { EXAMPLES, exampleOf } from '../../../renderer/app/examples';
import { Toolbar } from '../../../renderer/app/Toolbar';
import { i18next } from '../../../renderer/i18n';
import { NodeInspector } from '../../../renderer/inspector/NodeInspector';
import { useProjectStore } from '../../../renderer/store/project';
import { useUiStore } from '../../../renderer/store/ui';
import { exampleProject } from '../fixtures';

const DIR = join(import.meta.dirname, '../../../examples');

afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('en'));
});

function open(project: ReturnType<typeof exampleProject>): void {
  act(() => {
    useProjectStore.getState().loadProject(project, null, 'example.bpnn');
    useUiStore.getState().select([], []);
  });
}

describe('examples', () => {
  it('the menu offers every example that ships, and nothing else', () => {
    const shipped = readdirSync(DIR).filter((f) => f.endsWith('.bpnn')).map((f) => f.replace(/\.bpnn$/, ''));
    expect([...EXAMPLES].sort()).toEqual(shipped.sort());
  });

  // The Node tab recognises an example by its description: if the file's text and the English
  // catalog's drift apart, the example would silently show English in every language.
  it.each(EXAMPLES)('%s: the English catalog has the file’s own description', (name) => {
    const file = JSON.parse(readFileSync(join(DIR, `${name}.bpnn`), 'utf8')) as { description: string };
    expect(en.examples[name].description).toBe(file.description);
    expect(exampleOf(file.description)).toBe(name);
  });

  it('a description the student wrote, or changed by one character, is not an example', () => {
    expect(exampleOf('')).toBeNull();
    expect(exampleOf('My own network.')).toBeNull();
    expect(exampleOf(`${en.examples.xor.description} `)).toBeNull();
  });

  it('the Node tab shows an example’s title and description in the current language, and follows a switch', async () => {
    await act(() => i18next.changeLanguage('zh-TW'));
    open(exampleProject('xor'));
    render(<NodeInspector />);
    const about = screen.getByRole('region', { name: zhTW.inspector.aboutProject });
    expect(within(about).getByRole('heading').textContent).toBe(zhTW.examples.xor.title);
    expect(about.textContent).toContain(zhTW.examples.xor.description);
    expect(about.textContent).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
    await act(() => i18next.changeLanguage('en'));
    expect(within(about).getByRole('heading').textContent).toBe(en.examples.xor.title);
    expect(about.textContent).toContain(en.examples.xor.description);
  });

  it('the Node tab shows a project’s own name and description as written, in any language', async () => {
    await act(() => i18next.changeLanguage('zh-TW'));
    open({ ...exampleProject('xor'), name: 'My XOR', description: 'Two hidden layers, my settings.' });
    render(<NodeInspector />);
    const about = screen.getByRole('region', { name: zhTW.inspector.aboutProject });
    expect(within(about).getByRole('heading').textContent).toBe('My XOR');
    expect(about.textContent).toContain('Two hidden layers, my settings.');
  });

  it('the Examples menu lists the titles in the current language', async () => {
    await act(() => i18next.changeLanguage('zh-TW'));
    render(<Toolbar />);
    const menu = screen.getByRole('combobox', { name: zhTW.toolbar.openExample });
    const options = within(menu).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([zhTW.toolbar.examplesMenu, ...EXAMPLES.map((name) => zhTW.examples[name].title)]);
  });
});
