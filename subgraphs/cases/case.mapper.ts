import { toAuthority, toContact, toKle } from '../../lib/graph-types';
import { CaseProgress, type Case } from './case.type';
import type { WireCase } from './upstream.contract';

const progress: Record<WireCase['fremdrift'], CaseProgress> = {
  Opstaaet: CaseProgress.OPENED,
  Oplyst: CaseProgress.INFORMATION_GATHERED,
  Afgjort: CaseProgress.DECIDED,
  Afsluttet: CaseProgress.CLOSED,
};

/** The index's case as citizens may see it: no caseworker, no document contents. */
export function toCase(wire: WireCase): Case {
  const kle = toKle(wire.kle);
  return {
    id: wire.sagId,
    title: wire.titel ?? kle.name,
    kle,
    progress: progress[wire.fremdrift],
    openedOn: wire.oprettet,
    closedOn: wire.afsluttet,
    responsibleAuthority: toAuthority(wire.myndighed),
    contact: toContact(wire.ansvarligEnhed),
    documents: wire.visDokumenttitler
      ? wire.dokumenter.map((document) => ({ id: document.dokumentId, title: document.titel, date: document.dato }))
      : null,
  };
}

/** Newest first: the case a citizen is most likely asking about. */
export function byOpenedDescending(a: Case, b: Case): number {
  return b.openedOn.localeCompare(a.openedOn) || a.id.localeCompare(b.id);
}
