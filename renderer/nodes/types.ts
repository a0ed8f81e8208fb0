// The shape of a node kind's one registration: palette entry, node face, inspector form and
// param checks are all derived from it.
import type { NodeType } from '../../core/index';

export type Category = 'Input/Output' | 'Layers' | 'Activations';
export const CATEGORIES: readonly Category[] = ['Input/Output', 'Layers', 'Activations'];

export type Params = Record<string, number | boolean>;

interface ParamBase {
  /** The key in node params (PyTorch name in camelCase). */
  key: string;
  /** Label of the inspector field, e.g. "Output features". */
  label: string;
  /** One sentence a student understands. */
  help: string;
}

export interface NumberParam extends ParamBase {
  kind: 'int' | 'number';
  default: number;
  min: number;
  max: number;
  step?: number;
}

export interface BooleanParam extends ParamBase {
  kind: 'boolean';
  default: boolean;
}

export type ParamSchema = NumberParam | BooleanParam;

export interface NodeDefinition {
  type: NodeType;
  title: string;
  category: Category;
  /** Shown in the palette tooltip and the inspector. */
  description: string;
  /** An Input has no incoming port; every kind has an outgoing one. */
  ports: { input: boolean; output: boolean };
  params: readonly ParamSchema[];
  /** The key params in a few characters for the node face ("32 units", "k=5 s=1 p=2"). */
  summary(params: Params): string;
}
