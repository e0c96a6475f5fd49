import { http, HttpResponse, type RequestHandler } from 'msw';
import {
  correctionsOwner,
  statusRequestSchema,
  submitRequestSchema,
  type OwnerArea,
  type StatusAnswer,
} from '../../gateway/corrections/owner.contract';
import type { Dataset } from '../fixtures/dataset';

/** How long the data owners take to answer a correction request, unless a test says otherwise. */
export const defaultAnswerAfterMs = 5_000;

interface Received {
  sagsnummer: string;
  reference: string;
  area: OwnerArea;
  itemId: string;
  receivedAt: number;
  /** Whether the owner holds the record for that citizen; an unknown one is rejected. */
  known: boolean;
}

/**
 * The data-owner systems' correction intake, simulated: a request is received at once and
 * answered `answerAfterMs` later: BESVARET when the owner holds the record for that citizen,
 * AFVIST (with a reason) when it does not. A second request with the same `reference` (a retry)
 * is the same request. Tests read what arrived (`received`), shorten the answer time and take the
 * intake down (`down`: 503).
 */
export class CorrectionOwners {
  answerAfterMs = defaultAnswerAfterMs;
  down = false;
  private readonly byReference = new Map<string, Received>();
  private readonly byNumber = new Map<string, Received>();
  private serial = 0;

  constructor(private readonly dataset: Dataset) {}

  /** The requests received (one per reference), oldest first; never their texts or CPR numbers. */
  received(): Omit<Received, 'known'>[] {
    return [...this.byNumber.values()].map(({ known: _known, ...rest }) => rest);
  }

  private holds(area: OwnerArea, itemId: string, cpr: string): boolean {
    const { lookup } = this.dataset;
    switch (area) {
      case 'cases':
        return (lookup.cases.byCpr.get(cpr) ?? []).some((record) => record.sagId === itemId);
      case 'benefits':
        return (lookup.benefits.byCpr.get(cpr) ?? []).some((record) => record.ydelseId === itemId);
      case 'payments':
        return (lookup.payments.byCpr.get(cpr) ?? []).some((record) => record.betalingId === itemId);
      default:
        // The graph's appointment ids are the source systems' own, which carry the appointment's id.
        return (lookup.appointments.byCpr.get(cpr) ?? []).some((record) => itemId.includes(record.aftaleId));
    }
  }

  handlers(baseUrl = '*'): RequestHandler[] {
    const unavailable = () => HttpResponse.json({ fejl: 'Tjenesten er ikke tilgængelig' }, { status: 503 });
    const readJson = async (request: Request): Promise<unknown> => request.json().catch(() => undefined);
    return [
      http.post(`${baseUrl}${correctionsOwner.submit}`, async ({ request }) => {
        if (this.down) return unavailable();
        const body = submitRequestSchema.safeParse(await readJson(request));
        // Never echoed: the body carries a CPR number and the citizen's text.
        if (!body.success) return HttpResponse.json({ fejl: 'Ugyldig forespørgsel' }, { status: 400 });
        const { reference, area, itemId, cpr } = body.data;
        let received = this.byReference.get(reference);
        if (!received) {
          this.serial += 1;
          received = { sagsnummer: `RET-${String(this.serial).padStart(6, '0')}`, reference, area, itemId, receivedAt: Date.now(), known: this.holds(area, itemId, cpr) };
          this.byReference.set(reference, received);
          this.byNumber.set(received.sagsnummer, received);
        }
        return HttpResponse.json({ sagsnummer: received.sagsnummer });
      }),
      http.post(`${baseUrl}${correctionsOwner.status}`, async ({ request }) => {
        if (this.down) return unavailable();
        const body = statusRequestSchema.safeParse(await readJson(request));
        if (!body.success) return HttpResponse.json({ fejl: 'Ugyldig forespørgsel' }, { status: 400 });
        const received = this.byNumber.get(body.data.sagsnummer);
        if (!received) return HttpResponse.json({ fejl: 'Ukendt sagsnummer' }, { status: 404 });
        const answer: StatusAnswer =
          Date.now() - received.receivedAt < this.answerAfterMs
            ? { status: 'MODTAGET', begrundelse: null }
            : received.known
              ? { status: 'BESVARET', begrundelse: 'Vi har undersøgt oplysningen og rettet den, hvor den var forkert.' }
              : { status: 'AFVIST', begrundelse: 'Vi har ingen sådan oplysning om dig.' };
        return HttpResponse.json(answer);
      }),
    ];
  }
}
