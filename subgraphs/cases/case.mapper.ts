import { toAuthority, toContact, toKle } from '../../lib/graph-types';
import type { Language } from '../../lib/i18n/language';
import { say } from '../../lib/i18n/messages';
import { sourceText } from '../../lib/i18n/source-texts';
import type { Reader } from '../runtime/context';
import { CaseProgress, type Case, type CaseSummary } from './case.type';
import type { WireCase } from './upstream.contract';

const progress: Record<WireCase['fremdrift'], CaseProgress> = {
  Opstaaet: CaseProgress.OPENED,
  Oplyst: CaseProgress.INFORMATION_GATHERED,
  Afgjort: CaseProgress.DECIDED,
  Afsluttet: CaseProgress.CLOSED,
};

/** The index's case as citizens may see it: no caseworker, no document contents. */
export function toCase(wire: WireCase, { language }: Reader): Case {
  const kle = toKle(wire.kle, language, wire.myndighed.kode);
  return {
    id: wire.sagId,
    title: wire.titel === null ? kle.name : sourceText(wire.titel, language),
    kle,
    progress: progress[wire.fremdrift],
    progressText: progressText(progress[wire.fremdrift], language),
    openedOn: wire.oprettet,
    closedOn: wire.afsluttet,
    responsibleAuthority: toAuthority(wire.myndighed),
    contact: toContact(wire.ansvarligEnhed, language),
    documents: wire.visDokumenttitler
      ? wire.dokumenter.map((document) => ({ id: document.dokumentId, title: sourceText(document.titel, language), date: document.dato }))
      : null,
  };
}

/** Newest first: the case a citizen is most likely asking about. */
export function byOpenedDescending(a: Case, b: Case): number {
  return b.openedOn.localeCompare(a.openedOn) || a.id.localeCompare(b.id);
}

function progressText(stage: CaseProgress, language: Language): string {
  return say(language, `caseProgress.${stage}`);
}

export function toCaseSummary(kase: Case): CaseSummary {
  return { title: kase.title, status: kase.progress, statusText: kase.progressText, contact: kase.contact };
}
