// The lab report: one self-contained HTML file (Node and browser alike).
export { buildLabReport, type LabReportInput, type LabReportFinding } from './build';
export { chartSvg } from './svg';
export { escapeHtml } from './escape';
export { networkSvg } from './network-svg';
export { REPORT_LANGUAGES, type ReportLanguage } from './i18n';
