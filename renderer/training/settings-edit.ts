// Pure edits of the training settings the panel offers: switching optimizer or schedule keeps
// what carries over (the learning rate) and fills the rest with defaults.
import { OPTIMIZER_DEFAULTS } from '../../core/index';
import type { OptimizerName, OptimizerSettings, ScheduleSettings } from '../../core/index';
import { t } from '../i18n';

export function switchOptimizer(current: OptimizerSettings, type: OptimizerName): OptimizerSettings {
  if (current.type === type) return current;
  return { ...OPTIMIZER_DEFAULTS[type], lr: current.lr } as OptimizerSettings;
}

export const SCHEDULE_DEFAULTS: { [K in ScheduleSettings['type']]: Extract<ScheduleSettings, { type: K }> } = {
  constant: { type: 'constant' },
  step: { type: 'step', stepSize: 1000, gamma: 0.5 },
  exponential: { type: 'exponential', gamma: 0.999 },
  cosine: { type: 'cosine', minLr: 0 },
};

export function switchSchedule(current: ScheduleSettings, type: ScheduleSettings['type']): ScheduleSettings {
  return current.type === type ? current : SCHEDULE_DEFAULTS[type];
}

/** "1 h 2 min", "3 min 05 s", "12 s", "<1 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 1) return t('units.lessThanSecond');
  if (s < 60) return t('units.seconds', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('units.minutesSeconds', { m, s: String(s % 60).padStart(2, '0') });
  return t('units.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
}
