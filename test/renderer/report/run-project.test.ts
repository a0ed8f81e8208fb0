// A skip sweep's plain run is drawn and predicted with the network it trained: no Add, tanh2 into fc3.
import { describe, expect, it } from 'vitest';
import { buildRunRecord, expandSweep, projectToSpec } from '../../../core/index';
import { runProject } from '../../../report/run-project';
import { exampleProject } from '../fixtures';

describe('runProject', () => {
  const project = exampleProject('residual-spiral');
  const plan = expandSweep({ spec: projectToSpec(project), dataset: project.dataset, settings: project.training }, { setting: 'skip', values: ['residual', 'plain'] });
  const recordOf = (value: string) => {
    if (!plan.ok) throw new Error(plan.problems[0].message);
    const run = plan.plan.runs.find((r) => r.value === value)!;
    return buildRunRecord({
      id: value,
      name: value,
      createdAt: '2026-01-01T00:00:00.000Z',
      settings: run.request.settings,
      dataset: run.request.dataset,
      metrics: [],
      result: { state: 'done', epochs: 0, loss: null, accuracy: null, testAccuracy: null, ms: 0 },
      sweep: { id: 's', setting: plan.plan.settingKey, value },
    });
  };

  it('keeps the residual run as the project draws it', () => {
    expect(runProject(project, recordOf('residual'), null).graph).toEqual(project.graph);
  });

  it('draws the plain run without the Add, its main input wired on', () => {
    const graph = runProject(project, recordOf('plain'), null).graph;
    expect(graph.nodes.map((n) => n.id)).not.toContain('add');
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['input>fc1', 'fc1>tanh1', 'tanh1>fc2', 'fc2>tanh2', 'tanh2>fc3', 'fc3>softmax']);
  });
});
