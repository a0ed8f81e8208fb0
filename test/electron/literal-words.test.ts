// Issue 15: the desktop side's words come from the catalogs. The renderer has a lint rule for
// JSX; electron/ builds its dialogs, menus and results as objects, so this reads its source with
// the TypeScript parser and fails on a sentence written as a literal where a user reads it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** Properties whose value a user reads: dialog and menu fields, and results the window shows. */
const SHOWN = new Set(['message', 'title', 'label', 'detail', 'checkboxLabel', 'buttonLabel', 'buttons', 'text', 'applicationName', 'copyright']);
/** Names, the same in every language. */
const NAMES = new Set(['BPNN Studio', 'MIT License']);
/** Two words in a row: a phrase, not an id, a channel name or a file extension. */
const PHRASE = /[A-Za-z][A-Za-z'’]+[\s,:;-]+[A-Za-z][A-Za-z'’]+/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** `file:line: property = literal` for every phrase written as a literal in a shown property. */
export function literalWords(file: string, text: string): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const literals = (n: ts.Node, out: ts.Node[]) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) out.push(n);
    // A call's arguments are catalog keys (t('main.dialogs.save'), say(…)), not words.
    else if (!ts.isCallExpression(n)) ts.forEachChild(n, (c) => literals(c, out));
  };
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAssignment(n) && SHOWN.has(n.name.getText(src))) {
      const out: ts.Node[] = [];
      literals(n.initializer, out);
      for (const l of out) {
        const words = ts.isTemplateExpression(l) ? [l.head.text, ...l.templateSpans.map((s) => s.literal.text)].join(' … ') : (l as ts.StringLiteral).text;
        if (PHRASE.test(words) && !NAMES.has(words)) found.push(`${relative(ROOT, file)}:${src.getLineAndCharacterOfPosition(l.getStart()).line + 1}: ${n.name.getText(src)} = ${words}`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('electron/ says nothing in English of its own', () => {
  it('no phrase is written as a literal in a dialog, menu or result field', () => {
    const found = sourceFiles(join(ROOT, 'electron')).flatMap((f) => literalWords(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds a phrase in each kind of place it looks', () => {
    const sample = [
      "const a = { message: `Could not export '${name}': ${why}` };",
      "dialog.showMessageBox({ title: 'Unsaved changes', buttons: ['Save', \"Don't Save\"] });",
      "const ok = { title: 'BPNN Studio', channel: 'project:save', label: t('main.menu.file') };",
    ].join('\n');
    expect(literalWords(join(ROOT, 'electron/sample.ts'), sample).map((l) => l.replace(/^[^:]+:\d+: /, ''))).toEqual([
      "message = Could not export ' … ':  … ",
      'title = Unsaved changes',
      "buttons = Don't Save",
    ]);
  });
});
