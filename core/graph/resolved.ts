// A validated graph resolved into the chain of layers the engine builds, with every size
// filled in from upstream. Produced by compileModel (graph/validate.ts), consumed by
// buildNetwork. The reference vectors' layer params map one-to-one onto these.
import type { GraphProblem, NodeId, NodeShapeInfo } from './spec';

export type ResolvedLayer =
  | { nodeId: NodeId; type: 'Linear'; inFeatures: number; outFeatures: number; bias: boolean }
  | {
      nodeId: NodeId;
      type: 'Conv1d';
      inChannels: number;
      outChannels: number;
      kernelSize: number;
      stride: number;
      padding: number;
      /** Input signal length, known after shape inference. */
      inLength: number;
    }
  | { nodeId: NodeId; type: 'Flatten' | 'Sigmoid' | 'Tanh' | 'ReLU' | 'Identity' | 'Softmax' }
  | { nodeId: NodeId; type: 'LeakyReLU'; negativeSlope: number };

export interface CompiledModel {
  /** Per-sample input shape: [features] or [channels, length]. */
  inputShape: number[];
  /** The Input node's id. */
  inputId: NodeId;
  /** Layers in execution order (the Input node excluded). */
  layers: ResolvedLayer[];
  /** Per-sample output shape of the last layer. */
  outputShape: number[];
  /** Shape and parameter count for every node of the spec, in spec order. */
  shapes: NodeShapeInfo[];
  paramCount: number;
}

export type CompileResult =
  | { ok: true; model: CompiledModel }
  /** shapes holds whatever could still be inferred, so the canvas can show it next to the errors. */
  | { ok: false; problems: GraphProblem[]; shapes: NodeShapeInfo[] };
