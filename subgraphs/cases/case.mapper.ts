import { toAuthority, toContact, toKle } from '../../lib/graph-types';
import { CaseProgress, type Case, type CaseSummary } from './case.type';
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

const plainStatus: Record<CaseProgress, string> = {
  [CaseProgress.OPENED]: 'Received by the authority',
  [CaseProgress.INFORMATION_GATHERED]: 'Being looked into',
  [CaseProgress.DECIDED]: 'Decided',
  [CaseProgress.CLOSED]: 'Closed',
};

export function toCaseSummary(kase: Case): CaseSummary {
  return { title: kase.title, status: plainStatus[kase.progress], contact: kase.contact };
}
