// The one way main answers the renderer (S4): `handle(channel, schema, fn)` refuses any sender
// frame that is not our page and any payload its schema rejects, before `fn` (the only place
// with side effects) runs. Refusals are values, never exceptions that could take main down.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { InvokeChannel, InvokeChannels, IpcRefusal } from '../ipc/contract';
import { isTrustedSender } from './window';

/** Marks functions registered through handle(), so a test can prove nothing bypassed it. */
export const GUARDED = Symbol.for('bpnn.ipc.guarded');

type Result<C extends InvokeChannel> = InvokeChannels[C]['result'];
export type Handler<C extends InvokeChannel, P> = (payload: P, event: IpcMainInvokeEvent) => Promise<Result<C>> | Result<C>;

export function refusal(channel: string, message: string, problems: IpcRefusal['problems'] = []): IpcRefusal {
  return { ipcError: true, channel, message, problems };
}

function issuesToProblems(error: z.ZodError): IpcRefusal['problems'] {
  return error.issues.slice(0, 20).map((i) => {
    const at = i.path.map(String).join('.') || '(payload)';
    return { path: at, message: `${at}: ${i.message}` };
  });
}

export interface IpcRegistry {
  handle<C extends InvokeChannel, S extends z.ZodType>(channel: C, schema: S, fn: Handler<C, z.output<S>>): void;
  readonly channels: ReadonlySet<InvokeChannel>;
}

/** What the window shows when a handler throws; app.ts passes the translated one. */
const SOMETHING_WENT_WRONG = 'Something went wrong in BPNN Studio; your project is safe. Please try again.';

export function createIpcRegistry(
  ipcMain: Pick<IpcMain, 'handle'>,
  log: (message: string) => void = () => {},
  failedMessage: () => string = () => SOMETHING_WENT_WRONG,
): IpcRegistry {
  const channels = new Set<InvokeChannel>();
  return {
    channels,
    handle(channel, schema, fn) {
      if (channels.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
      channels.add(channel);
      const guarded = async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        const frame = event?.senderFrame ?? null;
        if (!isTrustedSender(frame)) {
          log(`refused ${channel} from an untrusted sender (${frame ? frame.url : 'destroyed frame'})`);
          return refusal(channel, 'Refused: this request did not come from the BPNN Studio window.');
        }
        if (args.length > 1) return refusal(channel, 'Refused: too many arguments.');
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) {
          const problems = issuesToProblems(parsed.error);
          return refusal(channel, `Refused a malformed ${channel} request: ${problems[0]?.message ?? 'invalid payload'}`, problems);
        }
        try {
          return await fn(parsed.data, event);
        } catch (e) {
          log(`${channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          return refusal(channel, failedMessage());
        }
      };
      Object.defineProperty(guarded, GUARDED, { value: channel });
      ipcMain.handle(channel, guarded);
    },
  };
}
