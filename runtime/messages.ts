// What the user reads when the host itself ends or refuses a run: one wording for the desktop
// app, the browser build and the CLI. (The engine's own messages, such as running out of
// memory or an unexpected stop, come from core.)
import { render, say } from '../core/index';

export { OUT_OF_MEMORY_MESSAGE, unexpectedStopMessage } from '../core/index';

// Each ending a student reads carries its Text (core/messages/*/host.json) beside the English.
export const UNRESPONSIVE_TEXT = say('host.run.unresponsive');
export const UNRESPONSIVE_MESSAGE = render(UNRESPONSIVE_TEXT);
export const CLOSING_TEXT = say('host.run.closing');
export const CLOSING_MESSAGE = render(CLOSING_TEXT);
export const STOPPED_BEFORE_START_TEXT = say('host.run.stoppedBeforeStart');
export const STOPPED_BEFORE_START_MESSAGE = render(STOPPED_BEFORE_START_TEXT);
export const DUPLICATE_RUN_TEXT = say('host.run.duplicate');
export const DUPLICATE_RUN_MESSAGE = render(DUPLICATE_RUN_TEXT);
export const ENDED_BEFORE_START_TEXT = say('host.run.endedBeforeStart');
export const WORKER_COULD_NOT_START_TEXT = say('host.run.workerCouldNotStart');
