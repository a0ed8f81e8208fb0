export function DatasetPanel() {
  return <section aria-label="Dataset">Dataset</section>;
}
