// Entry of the bundled training worker (dist/electron/training-worker.cjs): the engine's real
// session factory behind the shared worker runtime.
import { createTrainingSession } from '../../../core/index';
import { runTrainingWorker } from './worker-runtime';

runTrainingWorker(createTrainingSession);
