// Learning-rate schedules, as documented on ScheduleSettings (train/types.ts). `epoch` is the
// 0-based index of the epoch about to run, so the first epoch always uses the base rate.
import type { ScheduleSettings } from '../train/types';

export function scheduledLr(baseLr: number, s: ScheduleSettings, epoch: number, epochs: number): number {
  switch (s.type) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * Math.pow(s.gamma, Math.floor(epoch / s.stepSize));
    case 'exponential':
      return baseLr * Math.pow(s.gamma, epoch);
    case 'cosine':
      return s.minLr + ((baseLr - s.minLr) * (1 + Math.cos((Math.PI * epoch) / epochs))) / 2;
  }
}
