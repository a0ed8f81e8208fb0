// The run-time schema of every invoke channel's payload. A project inside a payload is checked
// exactly as a file on disk is (validateProjectValue): the renderer is untrusted.
import { z } from 'zod';
import { validateProjectValue, type Project } from '../../core/index';
import type { InvokeChannel, InvokeChannels, StartTrainingRequest } from '../ipc/contract';
import { RunIdSchema, StartTrainingRequestSchema } from '../../runtime/protocol';
import { LANGUAGES } from '../../core/messages/languages';

export const MAX_PATH_CHARS = 4096;
export const MAX_FILE_NAME_CHARS = 255;

const ProjectValueSchema = z.unknown().transform((value, ctx): Project => {
  const checked = validateProjectValue(value);
  if (checked.ok) return checked.project;
  for (const p of checked.problems) ctx.addIssue({ code: 'custom', message: p.message, path: [p.path] });
  return z.NEVER;
});

const filePath = z.string().min(1).max(MAX_PATH_CHARS);
const fileName = z.string().min(1).max(MAX_FILE_NAME_CHARS);

export const IPC_SCHEMAS = {
  'project:open': z.undefined(),
  'project:initial': z.undefined(),
  'project:openExample': z.string().regex(/^[a-z0-9-]{1,64}$/, 'an example name (letters, digits, dashes)'),
  'project:save': z.strictObject({ project: ProjectValueSchema, filePath: filePath.nullable(), overwrite: z.boolean().optional() }),
  'weights:export': z.strictObject({ project: ProjectValueSchema, suggestedName: fileName }),
  'model:export': z.strictObject({ project: ProjectValueSchema, suggestedName: fileName, format: z.enum(['onnx', 'pytorch']) }),
  'document:setState': z.strictObject({ fileName, filePath: filePath.nullable(), dirty: z.boolean(), project: ProjectValueSchema.nullable() }),
  'recovery:offers': z.undefined(),
  'recovery:restore': z.string().regex(/^[a-z0-9-]{1,80}$/, 'a backup id'),
  'recovery:discard': z.string().regex(/^[a-z0-9-]{1,80}$/, 'a backup id'),
  // Structure checked by the schema; node ids are branded only at the type level.
  'training:start': StartTrainingRequestSchema.transform((r) => r as unknown as StartTrainingRequest),
  'training:pause': RunIdSchema,
  'training:resume': RunIdSchema,
  'training:step': RunIdSchema,
  'training:stop': RunIdSchema,
  'shell:openExternal': z.string().max(2048),
  'language:set': z.strictObject({ language: z.enum(LANGUAGES), chosen: z.boolean() }),
} satisfies { [C in InvokeChannel]: z.ZodType<unknown> };

// Each schema's output must be the channel's declared request type.
type Outputs = { [C in InvokeChannel]: z.output<(typeof IPC_SCHEMAS)[C]> };
type Fits<A, B> = [A] extends [B] ? true : false;
type AllTrue<T extends Record<InvokeChannel, true>> = T;
export type IpcSchemasMatchContract = AllTrue<{
  [C in InvokeChannel]: Fits<Outputs[C], InvokeChannels[C]['request'] extends void ? undefined : InvokeChannels[C]['request']>;
}>;
