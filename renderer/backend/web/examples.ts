// The bundled example projects, imported as raw text so they go through the same parser as a
// file the user opens. Lazy: each example is its own small chunk, loaded when asked for.
const files = import.meta.glob<string>('../../../examples/*.bpnn', { query: '?raw', import: 'default' });

export function exampleNames(): string[] {
  return Object.keys(files).map(exampleNameOf).sort();
}

function exampleNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.bpnn$/, '');
}

/** The example's text, or null when there is no example by that name. */
export async function loadExampleText(name: string): Promise<string | null> {
  const entry = Object.entries(files).find(([path]) => exampleNameOf(path) === name);
  return entry ? entry[1]() : null;
}
