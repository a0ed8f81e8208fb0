export function ChartsPanel() {
  return <section aria-label="Charts">Charts</section>;
}
