// Exports from the Compare view and the run history: a chart as PNG (what is on screen, via the
// live ECharts instance) or SVG (re-rendered by the report's server-side renderer, so it is
// vector and needs no canvas), the runs table as CSV, and the lab report as one HTML file.
import type { EChartsCoreOption } from 'echarts/core';
import { rowsToCsv, type Project, type ResultRow, type Weights } from '../../core/index';
import { cleanMs, cleanNumber } from '../../core/index';
import { downloadText, downloadUrl } from '../backend/web/files';
import { echarts } from '../charts/echarts-setup';
import { buildLabReport, type LabReportInput } from '../../report/index';
import { chartSvg } from '../../report/svg';
import { i18next, t } from '../i18n';
import { isLanguage } from '../i18n/language';
import { projectAbout } from '../app/examples';

/** A file name from user text: letters, digits, dashes; never empty. */
export function fileStem(text: string): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return stem || 'bpnn';
}


/** The chart inside `figure` (an EChart) as a PNG at twice the screen resolution. */
export function downloadChartPng(figure: HTMLElement | null, fileName: string): boolean {
  const box = figure?.querySelector<HTMLElement>('.chart-canvas');
  const instance = box ? echarts.getInstanceByDom(box) : undefined;
  if (!instance) return false;
  downloadUrl(fileName, instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }));
  return true;
}

export function downloadChartSvg(option: EChartsCoreOption, fileName: string, width = 760, height = 340): void {
  downloadText(fileName, chartSvg(option, width, height), 'image/svg+xml');
}

/** Full precision without float noise, and whole milliseconds (no 2200.6999999999534 ms). */
export function csvRows(rows: readonly ResultRow[]): ResultRow[] {
  const clean = (v: number | null) => (v === null ? null : cleanNumber(v));
  return rows.map((r) => ({ ...r, finalLoss: clean(r.finalLoss), trainAccuracy: clean(r.trainAccuracy), testAccuracy: clean(r.testAccuracy), ms: cleanMs(r.ms) }));
}

export function downloadCsv(rows: readonly ResultRow[], fileName: string): void {
  downloadText(fileName, rowsToCsv(csvRows(rows)), 'text/csv');
}

/**
 * The report in the window's language, with the title and description the Node tab shows (an
 * example's in that language too), so the file reads like the screen it was saved from.
 */
export function reportInApp(input: LabReportInput): string {
  const language = isLanguage(i18next.language) ? i18next.language : 'en';
  const about = projectAbout(input.project, t);
  return buildLabReport({ ...input, project: { ...input.project, name: about.title, description: about.description }, language });
}

export function downloadReport(project: Project, runWeights: Readonly<Record<string, Weights>>, now: Date): void {
  const html = reportInApp({ project, runWeights, generatedAt: now.toISOString() });
  downloadText(`${fileStem(project.name)}-lab-report.html`, html, 'text/html');
}
