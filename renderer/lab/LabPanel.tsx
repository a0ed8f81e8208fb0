// The Lab view: the backprop lab's twelve findings, the lab's words next to what happened here.
// Each experiment on XOR or the linear set is one click (or all with "Run all"), repeated over
// seeds on the lab's own examples, and reads "held on k of n seeds", "near-tie" or "did not
// hold", with the loss curves as a median line and a band per value.
import { useMemo } from 'react';
import { LAB_FINDINGS, MAX_SWEEP_SEEDS, curveBand, type FindingResult, type LabFinding } from '../../core/index';
import { EChart } from '../charts/EChart';
import { bandOption, type BandSeries } from '../../report/charts/overlay-options';
import { downloadText } from '../backend/web/files';
import { buildLabReport } from '../../report/index';
import { fileStem } from '../compare/export';
import { useProjectStore } from '../store/project';
import { NumberField } from '../training/fields';
import { useLabStore, type LabFindingView, type LabRunView } from './store';
import './lab.css';

const VERDICT_WORDS: Record<FindingResult['verdict'], string> = { held: 'held', 'near-tie': 'near-tie', 'did-not-hold': 'did not hold' };

/** Per value, the loss curves of its seeds as one band (the chart and the report share it). */
export function lossBands(runs: readonly LabRunView[]): BandSeries[] {
  const groups = new Map<string, LabRunView[]>();
  for (const r of runs) groups.set(r.value, [...(groups.get(r.value) ?? []), r]);
  return [...groups.values()].map((g) => ({ label: `${g[0].label} (${g.length} seeds)`, band: curveBand(g.map((r) => r.loss)) }));
}

function progressText(f: LabFindingView): string {
  const ended = f.runs.filter((r) => r.result || r.error).length;
  return `${ended} of ${f.runs.length} runs ended`;
}

function FindingCard({ finding, view }: { finding: LabFinding; view: LabFindingView | undefined }) {
  const busy = useLabStore((s) => s.busy);
  const run = useLabStore((s) => s.run);
  const result = view?.result ?? null;
  const bands = useMemo(() => (view && view.status === 'done' ? lossBands(view.runs) : []), [view]);
  const option = useMemo(() => (bands.length ? bandOption(bands, 'loss', { logLoss: 'auto', title: 'Loss per epoch: median of the seeds, band from lowest to highest' }) : null), [bands]);
  return (
    <li className="lab-finding" data-testid={`finding-${finding.id}`} data-status={view?.status ?? 'idle'} data-verdict={result?.verdict ?? ''}>
      <div className="lab-finding-head">
        <span className="lab-number">{finding.id}</span>
        <h4>{finding.title}</h4>
        {finding.sweep ? (
          <button type="button" disabled={busy} onClick={() => void run(finding.id)} aria-label={`Run finding ${finding.id}, ${finding.title}`}>
            Run
          </button>
        ) : null}
      </div>
      <p className="lab-claim">
        <span className="lab-who">The lab:</span> {finding.claim}
      </p>
      {finding.note ? <p className="hint">{finding.note}</p> : null}
      {view?.status === 'running' || view?.status === 'queued' ? <p className="lab-progress">{view.status === 'queued' ? 'waiting' : progressText(view)}</p> : null}
      {view?.message ? (
        <p className="run-error" role="alert">
          {view.message}
        </p>
      ) : null}
      {result ? (
        <>
          <p className={`lab-verdict lab-${result.verdict}`} data-testid={`verdict-${finding.id}`}>
            {/* core's text starts with the verdict's words ("held on 4 of 5 seeds", "near-tie: …"). */}
            <span className="lab-who">Here:</span> <b>{VERDICT_WORDS[result.verdict]}</b>
            {result.text.startsWith(VERDICT_WORDS[result.verdict]) ? result.text.slice(VERDICT_WORDS[result.verdict].length) : ` (${result.text})`}
          </p>
          <ul className="lab-details">
            {result.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          {option ? <EChart option={option} label={`Finding ${finding.id}: loss curves`} height={220} /> : null}
        </>
      ) : null}
    </li>
  );
}

export function LabPanel() {
  const findings = useLabStore((s) => s.findings);
  const busy = useLabStore((s) => s.busy);
  const seedCount = useLabStore((s) => s.seedCount);
  const setSeedCount = useLabStore((s) => s.setSeedCount);
  const runAll = useLabStore((s) => s.runAll);
  const stop = useLabStore((s) => s.stop);
  const results = Object.values(findings).filter((f) => f.result);
  const groups: { title: string; items: LabFinding[] }[] = [
    { title: 'The linear data (100 random points, class 1 when x1 < x2)', items: LAB_FINDINGS.filter((f) => f.task === 'linear') },
    { title: 'XOR (the 21 points on two crossing diagonals)', items: LAB_FINDINGS.filter((f) => f.task === 'xor') },
    { title: 'Beyond the two data sets', items: LAB_FINDINGS.filter((f) => f.task === null) },
  ];
  const report = () => {
    const project = useProjectStore.getState().project;
    const lab = Object.values(useLabStore.getState().findings).flatMap((f) => (f.result ? [{ result: f.result, loss: lossBands(f.runs) }] : []));
    const html = buildLabReport({ project, generatedAt: new Date().toISOString(), lab });
    downloadText(`${fileStem(project.name)}-lab-report.html`, html, 'text/html');
  };
  return (
    <section className="lab-panel" aria-label="Lab">
      <p className="hint">
        The backprop lab&apos;s findings, repeated on the lab&apos;s own examples (XOR and the linear set: its network, its one step per sample, its values). Each
        experiment runs once per seed, each seed with new data, so a finding reads &ldquo;held on k of n seeds&rdquo; instead of resting on one lucky run; two
        values that end within 1% are a near-tie.
      </p>
      <div className="lab-controls" role="group" aria-label="Lab controls">
        <NumberField
          label="Seeds per experiment"
          value={seedCount}
          rule={{ min: 1, max: MAX_SWEEP_SEEDS, integer: true }}
          disabled={busy}
          onCommit={(v) => setSeedCount(v ?? seedCount)}
        />
        <button type="button" className="primary" disabled={busy} onClick={() => void runAll()}>
          Run all
        </button>
        <button type="button" disabled={!busy} onClick={() => void stop()}>
          Stop
        </button>
        <button type="button" disabled={busy || results.length === 0} onClick={report} title="The open project's lab report, with the findings table">
          Lab report
        </button>
      </div>
      {groups.map((g) => (
        <section key={g.title} className="lab-group">
          <h3>{g.title}</h3>
          <ol className="lab-findings">
            {g.items.map((f) => (
              <FindingCard key={f.id} finding={f} view={findings[f.id]} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
