export function TrainingPanel() {
  return <section aria-label="Training">Training</section>;
}
