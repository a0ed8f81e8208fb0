// The dataset: a built-in generator with its params, or a CSV file (with a preview of the
// first rows and errors that name row and column); the train/test split; and a plot of the
// data (points for 2-D data, a few example signals per class for waves).
import { useChartWords } from '../i18n/chart-words';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GENERATORS, SEED_BOUND } from '../../core/index';
import type { DatasetSpec, GeneratorName, Said } from '../../core/index';
import { pickFile, readPickedFile } from '../backend/web/files';
import { scatterOption, signalsOption } from '../../report/charts/data-options';
import { useDatasetView } from '../charts/dataset-view';
import { ChartCard } from '../compare/ChartCard';
import { fileStem } from '../compare/export';
import { useProjectStore } from '../store/project';
import { NumberField, SelectField } from '../training/fields';
import { readCsvImport } from './csv-import';
import { useSpoken } from '../i18n/core-text';
import { GENERATOR_PARAMS, setGeneratorParam, switchGenerator } from './dataset-edit';
import './data.css';

const PREVIEW_ROWS = 8;
const MAX_CSV_BYTES = 64 * 1024 * 1024;
const IMPORTED = 'imported';

type Source = GeneratorName | typeof IMPORTED;

function GeneratorFields({ spec, set }: { spec: Extract<DatasetSpec, { kind: 'generator' }>; set(s: DatasetSpec): void }) {
  const { t } = useTranslation();
  const uses = GENERATOR_PARAMS[spec.generator];
  const p = spec.params;
  const commit = (key: keyof typeof p) => (v: number | null) => set(setGeneratorParam(spec, key, v));
  return (
    <>
      {uses.includes('n') ? (
        <NumberField label={t('data.points')} value={p.n ?? null} placeholder={t('data.default')} rule={{ min: 1, max: 100_000, integer: true, optional: true }} help={t('data.pointsHelp')} onCommit={commit('n')} />
      ) : null}
      {uses.includes('noise') ? (
        <NumberField label={t('data.noise')} value={p.noise ?? null} placeholder={t('data.default')} rule={{ min: 0, max: 1, optional: true }} onCommit={commit('noise')} />
      ) : null}
      {uses.includes('classes') ? (
        <NumberField label={t('data.classes')} value={p.classes ?? null} placeholder={t('data.default')} rule={{ min: 2, max: spec.generator === 'waves' ? 4 : 10, integer: true, optional: true }} onCommit={commit('classes')} />
      ) : null}
      {uses.includes('length') ? (
        <NumberField label={t('data.signalLength')} value={p.length ?? null} placeholder={t('data.default')} rule={{ min: 8, max: 4096, integer: true, optional: true }} onCommit={commit('length')} />
      ) : null}
      <NumberField label={t('data.seed')} value={spec.seed} rule={SEED_BOUND} onCommit={(v) => set({ ...spec, seed: v ?? spec.seed })} />
    </>
  );
}

function CsvPreview({ spec }: { spec: Extract<DatasetSpec, { kind: 'inline' }> }) {
  const { t } = useTranslation();
  const rows = spec.features.slice(0, PREVIEW_ROWS);
  return (
    <div className="csv-preview" role="region" aria-label={t('data.preview')} tabIndex={0}>
      <table>
        <caption>
          {t('data.previewCaption', { name: spec.name, rows: spec.features.length, features: spec.featureNames.length, classes: spec.classNames.length })}
        </caption>
        <thead>
          <tr>
            {spec.featureNames.map((f, i) => (
              <th key={i} scope="col">{f}</th>
            ))}
            <th scope="col">{t('data.labelHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{v}</td>
              ))}
              <td>{spec.classNames[spec.labels[i]] ?? spec.labels[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DataPlot() {
  const { t } = useTranslation();
  const spoken = useSpoken();
  const projectName = useProjectStore((s) => s.project.name);
  const view = useDatasetView();
  const words = useChartWords();
  const option = useMemo(() => {
    if (!view.ok) return null;
    if (view.kind === 'signals') return signalsOption(view.plot, undefined, words);
    if (view.plot.dim >= 2) return scatterOption(view.plot, view.kind === 'points2d' ? t('data.plotTitle') : t('data.plotTitleFirstTwo'));
    return null;
  }, [view, t, words]);
  if (!view.ok) {
    return (
      <div className="field-error" role="alert">
        {view.messages.slice(0, 5).map((m, i) => (
          <p key={i}>{spoken(m)}</p>
        ))}
      </div>
    );
  }
  const d = view.dataset;
  return (
    <>
      <p className="data-summary" data-testid="data-summary">
        {t('data.summary', {
          samples: d.n,
          shape: d.inputShape.length === 2 ? t('data.summarySignal', { length: d.inputShape[0], channels: d.inputShape[1] }) : t('data.summaryFeatures', { count: d.inputShape[0] }),
          classes: d.numClasses,
        })}
      </p>
      {option ? <ChartCard option={option} label={view.kind === 'signals' ? t('data.exampleSignals') : t('data.scatterPlot')} height={240} testId="data-chart" fileStem={`${fileStem(projectName)}-data`} /> : null}
    </>
  );
}

export function DatasetPanel() {
  const { t } = useTranslation();
  const spec = useProjectStore((s) => s.project.dataset);
  const testSplit = useProjectStore((s) => s.project.training.testSplit);
  const setDataset = useProjectStore((s) => s.setDataset);
  const updateTraining = useProjectStore((s) => s.updateTraining);
  const spoken = useSpoken();
  const [csvErrors, setCsvErrors] = useState<{ file: string; lines: Said[] } | null>(null);
  const [labelColumn, setLabelColumn] = useState('');

  const source: Source = spec.kind === 'generator' ? spec.generator : IMPORTED;
  const options: { value: Source; label: string }[] = GENERATORS.map((g) => ({ value: g as Source, label: t(`data.generators.${g}`) }));
  if (spec.kind === 'inline') options.push({ value: IMPORTED, label: t('data.imported', { name: spec.name }) });

  const importCsv = async () => {
    const file = await pickFile('.csv,.tsv,.txt,text/csv');
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setCsvErrors({ file: file.name, lines: [{ message: t('data.csvTooBig', { size: (file.size / 1048576).toFixed(1) }) }] });
      return;
    }
    const bytes = await readPickedFile(file);
    if (!bytes) {
      setCsvErrors({ file: file.name, lines: [{ message: t('data.csvUnreadable') }] });
      return;
    }
    const imported = readCsvImport(bytes, file.name, labelColumn);
    if (!imported.ok) {
      setCsvErrors({ file: file.name, lines: imported.problems });
      return;
    }
    setCsvErrors(null);
    setDataset(imported.dataset);
  };

  return (
    <section className="dataset-panel" aria-label={t('data.dataset')}>
      <SelectField
        label={t('data.dataset')}
        value={source}
        options={options}
        onChange={(v) => {
          if (v !== IMPORTED) setDataset(switchGenerator(spec, v));
        }}
      />
      {spec.kind === 'generator' ? <GeneratorFields spec={spec} set={setDataset} /> : <CsvPreview spec={spec} />}
      <NumberField
        label={t('data.testSplit')}
        value={Math.round(testSplit * 1000) / 10}
        rule={{ min: 0, max: 90 }}
        help={t('data.testSplitHelp')}
        onCommit={(v) => updateTraining({ testSplit: (v ?? 0) / 100 })}
      />
      <div className="csv-import">
        <div className="field">
          <label htmlFor="csv-label-column">{t('data.labelColumn')}</label>
          {/* The rule is help text, not the placeholder: a placeholder that long was cut off in the side panel. */}
          <input
            id="csv-label-column"
            type="text"
            value={labelColumn}
            placeholder={t('data.automatic')}
            aria-describedby="csv-label-column-help"
            onChange={(e) => setLabelColumn(e.target.value)}
          />
          <p className="field-help" id="csv-label-column-help">
            {t('data.labelColumnHelp')}
          </p>
        </div>
        <button type="button" onClick={() => void importCsv()}>
          {t('data.importCsv')}
        </button>
      </div>
      {csvErrors ? (
        <div className="field-error" role="alert" aria-label={t('data.csvProblems')}>
          <p>{t('data.couldNotImport', { file: csvErrors.file })}</p>
          <ul>
            {csvErrors.lines.slice(0, 10).map((l, i) => (
              <li key={i}>{spoken(l)}</li>
            ))}
          </ul>
          {csvErrors.lines.length > 10 ? <p>{t('data.andMore', { count: csvErrors.lines.length - 10 })}</p> : null}
        </div>
      ) : null}
      <DataPlot />
    </section>
  );
}
