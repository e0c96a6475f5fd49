import type { Upstream } from '../../lib/upstream';
import { correctionsOwner, statusAnswerSchema, submitAnswerSchema, type OwnerArea, type StatusAnswer } from './owner.contract';

/** What the corrections need of the data owners' intake. */
export interface CorrectionOwner {
  /** Sends a request on; its case number at the owner. A retry with the same reference is the same request there. */
  submit(request: { reference: string; area: OwnerArea; itemId: string; cpr: string; text: string }, deadline: number): Promise<string>;
  status(ownerRef: string, deadline: number): Promise<StatusAnswer>;
}

/** The intake through the upstream seam (deadline, breaker, validation; bodies never logged). */
export function correctionOwner(upstream: Upstream): CorrectionOwner {
  return {
    // Sent with our id as its reference, so the owner receives it once even when an answer was lost.
    submit: async (request, deadline) => (await upstream.post(correctionsOwner.submit, request, submitAnswerSchema, { deadline })).sagsnummer,
    status: (ownerRef, deadline) => upstream.post(correctionsOwner.status, { sagsnummer: ownerRef }, statusAnswerSchema, { deadline }),
  };
}
