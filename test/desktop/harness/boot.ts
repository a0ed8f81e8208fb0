// Entry of the main process under test (bundled to boot.cjs, run by host.ts as a Node child):
// makes require('electron') resolve to the stand-in, gives the process what Electron would
// (its argv, process.resourcesPath in a packaged app), then runs the real main bundle.
import Module from 'node:module';
import path from 'node:path';
import { electronStandIn } from './electron-main';
import { STAND_IN_CONFIG_ENV, type StandInConfig } from './wire';

const config = JSON.parse(process.env[STAND_IN_CONFIG_ENV] ?? 'null') as (StandInConfig & { mainScript: string }) | null;
if (!config) throw new Error(`boot.cjs runs only under the desktop test harness (${STAND_IN_CONFIG_ENV} is not set).`);

// A module id no file has, so nothing but this hook can produce it.
const STAND_IN_ID = path.join(__dirname, '<electron stand-in>');
const loader = Module as unknown as {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
  _cache: Record<string, unknown>;
};
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request, parent, ...rest) {
  return request === 'electron' ? STAND_IN_ID : resolve.call(this, request, parent, ...rest);
};
const standIn = new Module(STAND_IN_ID);
standIn.filename = STAND_IN_ID;
standIn.loaded = true;
standIn.exports = electronStandIn;
loader._cache[STAND_IN_ID] = standIn;

process.argv = config.argv;
if (config.resourcesPath) Object.defineProperty(process, 'resourcesPath', { value: config.resourcesPath, enumerable: true });

Module.createRequire(__filename)(config.mainScript);
