/**
 * The shape of a `Said` (said.ts) that arrives from outside the process: from the window over IPC (the hub's
 * renderer refusing a desk's file) or from another device over the LAN hub (its refusal, which this device
 * words in its own language). Bounded and not recursive: a key of a catalog's form, at most a dozen values,
 * short strings, and a value may be a `Said` of plain values — one level, as the catalogs use it.
 */
import { z } from 'zod';
import type { Said } from './said';

const key = z.string().max(120).regex(/^[A-Za-z][\w-]*:[\w.-]+$/);
const plain = z.union([z.string().max(500), z.number()]);
const values = <T extends z.ZodType>(value: T) => z.record(z.string().regex(/^\w{1,40}$/), value).refine((v) => Object.keys(v).length <= 12);

const innerSaid = z.object({ key, values: values(plain).optional() }).strict();

export const saidSchema: z.ZodType<Said> = z.object({ key, values: values(z.union([plain, innerSaid])).optional() }).strict();
