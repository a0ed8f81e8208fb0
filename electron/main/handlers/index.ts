// Registers every invoke channel of the contract, each through the guarded handle().
import type { AppContext } from '../context';
import type { IpcRegistry } from '../ipc';
import { registerExportHandlers } from './export';
import { registerLanguageHandlers } from './language';
import { registerProjectHandlers } from './project';
import { registerRecoveryHandlers } from './recovery';
import { registerShellHandlers } from './shell';
import { registerTrainingHandlers } from './training';

export function registerHandlers(ipc: IpcRegistry, ctx: AppContext): void {
  registerProjectHandlers(ipc, ctx);
  registerExportHandlers(ipc, ctx);
  registerRecoveryHandlers(ipc, ctx);
  registerTrainingHandlers(ipc, ctx);
  registerShellHandlers(ipc, ctx);
  registerLanguageHandlers(ipc, ctx);
}
