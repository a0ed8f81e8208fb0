// The shape of a node kind's registration: core's block (description, params) plus the
// renderer's face (title, category, summary). Palette, node, inspector form and checks read it.
import type { MessageKey, NodeType, ParamSchema } from '../../core/index';

export type Category = 'Input/Output' | 'Layers' | 'Activations';
export const CATEGORIES: readonly Category[] = ['Input/Output', 'Layers', 'Activations'];

export type Params = Record<string, number | boolean>;

// A param's schema (key, label, default, limits, help) is core's: the block definition's.
export type { BooleanParam, NumberParam, ParamSchema } from '../../core/index';

/** What the renderer adds to a core block kind: only what is visual. One small file per kind in kinds/. */
export interface NodeFace {
  type: NodeType;
  title: string;
  category: Category;
  /** The key params in a few characters for the node face ("32 units", "k=5 s=1 p=2"). */
  summary(params: Params): string;
}

/** A face joined with its core block: what the palette, the node and the inspector read. */
export interface NodeDefinition extends NodeFace {
  /** Shown in the palette tooltip and the inspector (the block's own description, a key of core's block catalog). */
  description: MessageKey;
  /** An Input has no incoming port; every kind has an outgoing one. */
  ports: { input: boolean; output: boolean };
  params: readonly ParamSchema[];
}
