import { say } from '../../lib/i18n/messages';
import type { Problem } from './gateway-client';

/**
 * The tool server's own Danish texts. The status words themselves come from the graph's texts
 * (lib/i18n/messages.ts, the same the gateway puts in `statusText`); what each status means, and
 * what the tools say around the data, is written here, for a citizen reading a chatbot's answer.
 */
export const problemText: Record<Problem, string> = {
  login: 'Dit login er udløbet eller ikke gyldigt længere. Log ind igen, så kan jeg hente dine oplysninger.',
  forbidden: 'Jeg må ikke hente disse oplysninger med det login, der er brugt. Log ind igen som dig selv.',
  busy: 'Der er for mange forespørgsler lige nu. Prøv igen om et øjeblik.',
  unavailable: 'Dine oplysninger kan ikke hentes lige nu. Prøv igen senere.',
};

export const texts = {
  noOpenCases: 'Du har ingen åbne sager.',
  openCasesHeading: (count: number) => (count === 1 ? 'Du har 1 åben sag:' : `Du har ${count} åbne sager:`),
  casesUnavailable: 'Dine sager kan ikke vises lige nu. Prøv igen senere.',
  noAppointments: 'Du har ingen kommende aftaler.',
  appointmentsHeading: (count: number) => (count === 1 ? 'Din næste aftale:' : `Dine næste ${count} aftaler:`),
  appointmentsUnavailable: 'Dine aftaler kan ikke vises lige nu. Prøv igen senere.',
  placeUnknown: 'Stedet er ikke oplyst',
  noChangeLink: 'Kontakt myndigheden for at flytte eller aflyse aftalen.',
  deadlinesNotHere: 'Jeg kan ikke se dine frister. Kontakt myndigheden, hvis du er i tvivl om en frist.',
  noPayment: 'Der er ingen kendt kommende udbetaling til dig.',
  paymentUnavailable: 'Udbetalinger kan ikke vises lige nu. Prøv igen senere.',
  unknownStatus: (status: string) =>
    `Jeg kender ikke status "${status}". Kendte statusser for sager: ${caseStatuses.join(', ')}. For ydelser: ${benefitStatuses.join(', ')}.`,
};

export const caseStatuses = ['OPENED', 'INFORMATION_GATHERED', 'DECIDED', 'CLOSED'] as const;
export const benefitStatuses = ['IN_PROGRESS', 'GRANTED', 'REFUSED', 'ENDED'] as const;

const caseMeaning: Record<(typeof caseStatuses)[number], string> = {
  OPENED: 'Myndigheden har modtaget og oprettet sagen. Der er endnu ikke truffet en afgørelse.',
  INFORMATION_GATHERED: 'Myndigheden har samlet de oplysninger, den skal bruge, og behandler nu sagen. Der er endnu ikke truffet en afgørelse.',
  DECIDED: 'Myndigheden har truffet en afgørelse i sagen, men sagen er ikke afsluttet endnu. Kontakt myndigheden, hvis du har spørgsmål til afgørelsen.',
  CLOSED: 'Sagen er afsluttet, og myndigheden behandler den ikke længere.',
};

const benefitMeaning: Record<(typeof benefitStatuses)[number], string> = {
  IN_PROGRESS: 'Du har søgt om ydelsen, men der er endnu ikke truffet en afgørelse.',
  GRANTED: 'Du har fået ydelsen bevilget, og den løber.',
  REFUSED: 'Din ansøgning om ydelsen er afslået.',
  ENDED: 'Ydelsen er ophørt og bliver ikke længere udbetalt.',
};

export type StatusKind = 'sag' | 'ydelse';

export interface StatusMeaning {
  kind: StatusKind;
  status: string;
  label: string;
  meaning: string;
}

/** Every status the question may mean: a code (`DECIDED`) or the word the citizen saw (`Afgjort`), in cases, benefits or both. */
export function statusMeanings(asked: string, kind?: StatusKind): StatusMeaning[] {
  const wanted = asked.trim().toLowerCase();
  const all: StatusMeaning[] = [
    ...caseStatuses.map((status) => ({ kind: 'sag' as const, status, label: say('da', `caseProgress.${status}`), meaning: caseMeaning[status] })),
    ...benefitStatuses.map((status) => ({ kind: 'ydelse' as const, status, label: say('da', `benefitStatus.${status}`), meaning: benefitMeaning[status] })),
  ];
  return all.filter(
    (entry) => (!kind || entry.kind === kind) && (entry.status.toLowerCase() === wanted || entry.label.toLowerCase() === wanted),
  );
}

const when = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const day = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** `mandag den 7. december 2026 kl. 10.00`, Danish time. */
export const danishWhen = (instant: string): string => when.format(new Date(instant));
/** `tirsdag den 1. december 2026`, for a Danish calendar day (`2026-12-01`). */
export const danishDay = (date: string): string => day.format(new Date(`${date}T00:00:00Z`));

/** `12.500,00 kr.` from the graph's decimal string, without going through a float. */
export function danishAmount(amount: string, currency: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  const unit = currency === 'DKK' ? 'kr.' : currency;
  if (!match) return `${amount} ${unit}`;
  const [, sign, whole, fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped},${fraction.padEnd(2, '0')} ${unit}`;
}
