// The report's only styling, inlined into the file: readable on screen, tidy on paper.
export const REPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f6f4; color: #1a1a1a; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 820px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.meta { color: #555; margin: 0 0 8px; }
.description { margin: 8px 0 0; }
figure { margin: 12px 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: #444; margin-top: 4px; }
.multiples { display: flex; flex-wrap: wrap; gap: 6px; }
.multiple svg { width: 180px; height: 180px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d4d4d4; padding: 3px 8px; text-align: right; }
td { white-space: nowrap; }
th { background: #f0f0ee; font-weight: 600; }
td:first-child, th:first-child, table.text td, table.text th { text-align: left; }
.warn { color: #8a2d00; }
table.lab-findings td { text-align: left; vertical-align: top; }
.held { color: #1b6e2f; }
.tie { color: #7a5a00; }
.not-held { color: #8a2d00; }
@media print { body { background: #fff; } main { padding: 0; } section.sweep, figure { break-inside: avoid; } }
`;
