// React Flow's nodeTypes, built once at module scope (a new object per render remounts nodes).
import type { NodeTypes } from '@xyflow/react';
import { NODE_TYPES } from '../../core/index';
import { NodeView } from './NodeView';

export const nodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((t) => [t, NodeView]));
