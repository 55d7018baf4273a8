/**
 * What a device needs to join an event, as it travels between processes and over the hub: the root to
 * pin, the event key, and the device's enrolment (enrolment.ts). The shape is checked here; whether
 * the root signed it for THIS device is checked by the device that takes it (renderer/db/repo/trust.ts
 * acceptEnrolment), never by a relay.
 */
import { z } from 'zod';
import type { Enrolment, EventRoot } from './enrolment';

export type EnrolmentGrant = { root: EventRoot; eventKey: string; enrolment: Enrolment };

const signed = z.object({ body: z.string().max(4_000), sig: z.string().max(200) }).strict();

export const enrolmentGrantSchema: z.ZodType<EnrolmentGrant> = z
  .object({
    root: z.object({ eventId: z.string().min(1).max(100), deviceId: z.string().min(1).max(100), publicKey: z.string().min(1).max(400) }).strict(),
    eventKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    enrolment: z.union([z.object({ direct: signed }).strict(), z.object({ offer: signed, claim: signed }).strict()]),
  })
  .strict();
