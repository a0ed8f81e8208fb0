// training:* — the renderer's commands to the training host (events flow back on training:event).
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { IPC_SCHEMAS } from '../ipc-schemas';

export function registerTrainingHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  ipc.handle('training:start', IPC_SCHEMAS['training:start'], (req) => ctx.host.start(req));
  ipc.handle('training:pause', IPC_SCHEMAS['training:pause'], (runId) => ctx.host.pause(runId));
  ipc.handle('training:resume', IPC_SCHEMAS['training:resume'], (runId) => ctx.host.resume(runId));
  ipc.handle('training:step', IPC_SCHEMAS['training:step'], (runId) => ctx.host.step(runId));
  ipc.handle('training:stop', IPC_SCHEMAS['training:stop'], (runId) => ctx.host.stop(runId));
}
