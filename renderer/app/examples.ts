// The examples that ship with the app, picked by key. Their titles and descriptions live in the
// catalogs (examples.<key>.title, examples.<key>.description) so the menu and the Node tab show
// them in the current language. The .bpnn files keep one English description, as every project
// does: the command line and the report read it, and a student's own project has only its own.
import type { TFunction } from 'i18next';
import en from '../locales/en.json';

/** The examples in the menu's order. */
export const EXAMPLES = ['xor', 'linear', 'spiral-softmax', 'waves-conv1d', 'residual-spiral'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/**
 * The example whose description a project still carries, or null. Matching the text rather than
 * remembering which menu item opened the project also covers the first project at start-up, a
 * restored backup and a saved copy reopened later; a description the student wrote never matches.
 */
export function exampleOf(description: string): ExampleName | null {
  return EXAMPLES.find((name) => en.examples[name].description === description) ?? null;
}

/** The project's title and description as the Node tab shows them, in the current language. */
export function projectAbout(project: { name: string; description: string }, t: TFunction): { title: string; description: string } {
  const example = exampleOf(project.description);
  if (!example) return { title: project.name, description: project.description };
  return { title: t(`examples.${example}.title`), description: t(`examples.${example}.description`) };
}
