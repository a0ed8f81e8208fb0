// What the user reads when the host itself ends or refuses a run: one wording for the desktop
// app, the browser build and the CLI. (The engine's own messages, such as running out of
// memory or an unexpected stop, come from core.)
export { OUT_OF_MEMORY_MESSAGE, unexpectedStopMessage } from '../core/index';

export const UNRESPONSIVE_MESSAGE = 'Training did not respond to Stop, so it was ended. Your project is safe.';
export const CLOSING_MESSAGE = 'Training was stopped because the app is closing.';
export const STOPPED_BEFORE_START_MESSAGE = 'The run was stopped before it started.';
export const DUPLICATE_RUN_MESSAGE = 'A run is already in progress with this id.';
