// Compile-time proof that core's TrainingEvent and the protocol's schema describe the same
// events: a variant or field added to one and not the other fails tsc here instead of being
// dropped as malformed at run time (B6).
import type { TrainingEvent } from '../core/index';
import type { ProtocolTrainingEvent } from './protocol';

/** True only when A and B are the same type (not merely assignable one way). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const TRAINING_EVENT_MATCHES_SCHEMA: Equals<ProtocolTrainingEvent, TrainingEvent> = true;
