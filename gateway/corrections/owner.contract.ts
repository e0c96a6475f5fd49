import { z } from 'zod';

/**
 * The data-owner systems' correction intake (one endpoint for all areas, as the service platform
 * routes it on to the system that owns the record): a request is received and given a case
 * number (`sagsnummer`), and answered after a while. Paths and wire format, shared by the gateway
 * (gateway/corrections/owner.ts) and the simulator (mocks/data-owners/corrections.ts).
 */
export const correctionsOwner = {
  submit: '/rettelser/v1/anmodninger',
  status: '/rettelser/v1/status',
} as const;

export const ownerAreas = ['cases', 'benefits', 'payments', 'appointments', 'deadlines'] as const;
export type OwnerArea = (typeof ownerAreas)[number];

export const submitRequestSchema = z.object({
  /** The gateway's id of the correction: a request sent twice (a retry) is received once. */
  reference: z.string().min(1).max(64),
  area: z.enum(ownerAreas),
  itemId: z.string().min(1).max(200),
  cpr: z.string().regex(/^\d{10}$/),
  text: z.string().min(1).max(2000),
});
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const submitAnswerSchema = z.object({ sagsnummer: z.string().min(1).max(64) });

export const statusRequestSchema = z.object({ sagsnummer: z.string().min(1).max(64) });

export const ownerStatuses = ['MODTAGET', 'BESVARET', 'AFVIST'] as const;
export const statusAnswerSchema = z.object({
  status: z.enum(ownerStatuses),
  /** The owner's answer, or why it rejected the request; null while it is only received. */
  begrundelse: z.string().max(2000).nullable(),
});
export type StatusAnswer = z.infer<typeof statusAnswerSchema>;
