import rulesFile from '../../config/access-rules.json';
import agreementsFile from '../../config/sharing-agreements.json';
import kleFile from '../../config/kle.json';
import plainNamesFile from '../../config/kle-plain-language.json';
import appointmentSourcesFile from '../../config/appointment-sources.json';
import authoritiesFile from '../../config/authorities.json';
import { hospitalRegions, regions } from '../../mocks/sources/nsp';
import type { Dataset } from '../../mocks/fixtures/dataset';
import type { WirePerson } from '../../lib/person.contract';
import type { SimulatedAppointment as WireAppointment } from '../../mocks/fixtures/generator';
import type { WireBenefit } from '../../subgraphs/benefits/upstream.contract';
import type { WireCase } from '../../subgraphs/cases/upstream.contract';
import type { WirePayment } from '../../subgraphs/payments/upstream.contract';
import type { WireProxy } from '../../subgraphs/proxies/upstream.contract';

/**
 * What each caller should see, worked out from the fixtures and the two rule files alone, written
 * from the rules as the README and the access-rules file state them, not from the product's access
 * module. The matrix test compares every response with it.
 */

export type Area = 'cases' | 'benefits' | 'payments' | 'appointments' | 'proxies';
export const areas: readonly Area[] = ['cases', 'benefits', 'payments', 'appointments', 'proxies'];
const cardAreas: readonly Area[] = ['cases', 'benefits', 'payments', 'appointments'];
const cardArea: Record<WireProxy['kort'][number], Area> = { SAGER: 'cases', YDELSER: 'benefits', BETALINGER: 'payments', AFTALER: 'appointments' };

interface Rules {
  defaultMinimumAge: number;
  custody: { areas: string[]; childsOwnFromAge: number };
  municipalities: Record<string, { minimumAge: Record<string, number>; activated: { kle: string[]; payments: boolean; sourceSystems: string[] } }>;
}
const rules: Rules = rulesFile;
const sharedWith: Record<string, string[]> = agreementsFile.sourceSystems;
const partnerAuthority: Record<string, string> = Object.fromEntries(Object.entries(agreementsFile.organisations).map(([organisation, { authority }]) => [organisation, authority]));
const kleNames: Record<string, { da: string }> = kleFile.codes;
const plainNames: Record<string, { names: Record<string, string> }> = plainNamesFile.municipalities;

/** Who is asking. `cpr` is the citizen concerned: the token's citizen, or the one named in `$cpr`. */
export type Caller =
  | { kind: 'citizen'; cpr: string }
  | { kind: 'proxy'; holder: { type: 'PERSON' | 'ORGANISATION'; id: string }; cpr: string }
  | { kind: 'chatbot'; cpr: string }
  | { kind: 'partner'; organisation: string; cpr: string }
  | { kind: 'staff'; municipality: string; cpr: string }
  | { kind: 'organisation'; cvr: string; cpr: string }
  /** An external service on the citizen's consent for some areas; `inForce` false once withdrawn. */
  | { kind: 'service'; clientId: string; areas: readonly Area[]; inForce: boolean; cpr: string };
export type CallerKind = Caller['kind'];

/** The ways in: which root field serves which view, to which kinds of caller. */
export type View = 'overview' | 'context' | 'shared' | 'representations' | 'held';
const roots: Record<string, { view: View; admits: readonly CallerKind[] }> = {
  me: { view: 'overview', admits: ['citizen', 'proxy', 'service'] },
  verificationCitizen: { view: 'overview', admits: ['staff'] },
  // The schema: "For a chatbot on the citizen's delegation (or the citizen)".
  citizenContext: { view: 'context', admits: ['citizen', 'chatbot'] },
  sharedAppointments: { view: 'shared', admits: ['partner'] },
  // "For a person or an organisation logged in as themselves".
  myRepresentations: { view: 'representations', admits: ['citizen', 'organisation'] },
  // "For a person or an organisation logged in as themselves: the proxies granted to them".
  myHeldProxies: { view: 'held', admits: ['citizen', 'organisation'] },
};

export type RootExpectation =
  | { allowed: true; view: View }
  /** Refused by the gateway before anything runs (an invalid proxy). */
  | { allowed: false; status: 403; code: 'PROXY_NOT_VALID' | 'CONSENT_NOT_VALID' }
  /** Refused in the graph: no data, errors with these codes only. */
  | { allowed: false; status: null; codes: readonly string[] };

type Verdict = { show: true } | { show: false; reason: 'OUTSIDE_GRANT' | 'NOT_ACTIVATED' } | { show: false; reason: 'AGE_LIMIT'; minimumAge: number; kle: string | null };

interface Traits {
  municipality: string | null;
  kle: string | null;
  sourceSystem: string | null;
  caseId: string | null;
}

export type WireRecord = WireCase | WireBenefit | WirePayment | WireAppointment | WireProxy;
type RecordsByArea = { cases: WireCase[]; benefits: WireBenefit[]; payments: WirePayment[]; appointments: WireAppointment[]; proxies: WireProxy[] };

export const idOf: Record<Area, (record: never) => string> = {
  cases: (record: WireCase) => record.sagId,
  benefits: (record: WireBenefit) => record.ydelseId,
  payments: (record: WirePayment) => record.betalingId,
  appointments: (record: WireAppointment) => record.aftaleId,
  proxies: (record: WireProxy) => record.fuldmagtId,
};
const recordId = (area: Area, record: WireRecord) => (idOf[area] as (record: WireRecord) => string)(record);

/** The record each record belongs to (lineage), by area and id. */
const parentOf: Partial<Record<Area, { area: Area; id: (record: never) => string | null }>> = {
  benefits: { area: 'cases', id: (record: WireBenefit) => record.sagId },
  payments: { area: 'benefits', id: (record: WirePayment) => record.ydelseId },
  appointments: { area: 'cases', id: (record: WireAppointment) => record.sagId },
};

function ownTraits(area: Area, record: WireRecord): Traits {
  switch (area) {
    case 'cases': {
      const kase = record as WireCase;
      return { municipality: kase.myndighed.kode, kle: kase.kle, sourceSystem: null, caseId: kase.sagId };
    }
    case 'benefits': {
      const benefit = record as WireBenefit;
      return { municipality: benefit.myndighed.kode, kle: benefit.kle, sourceSystem: null, caseId: benefit.sagId };
    }
    case 'payments':
      return { municipality: (record as WirePayment).myndighed.kode, kle: null, sourceSystem: null, caseId: null };
    case 'appointments': {
      const appointment = record as WireAppointment;
      return { municipality: appointment.myndighed.kode, kle: null, sourceSystem: appointment.kildesystem, caseId: appointment.sagId };
    }
    case 'proxies':
      return { municipality: null, kle: null, sourceSystem: null, caseId: null };
  }
}

/** Who holds an appointment: a hospital's region (the configuration says NSP's organiser is responsible), else the municipality. */
export function responsibleFor(appointment: WireAppointment): { code: string; name: string } {
  const region = appointment.kildesystem === 'NSP' && appointment.sted ? hospitalRegions[appointment.sted.navn] : undefined;
  return region ? { code: region, name: regions[region] } : { code: appointment.myndighed.kode, name: appointment.myndighed.navn };
}

const linkHosts: Record<string, string[]> = Object.fromEntries(Object.entries(appointmentSourcesFile.sources).map(([system, source]) => [system, source.linkHosts]));
const selfService: Record<string, string> = Object.fromEntries(Object.entries(authoritiesFile.authorities).map(([code, authority]) => [code, authority.selfService]));

/** The change link a citizen is shown: the source's, when https on a host its system may use; else the responsible authority's self-service page. */
export function shownChangeLink(appointment: WireAppointment): string {
  const link = appointment.aendringslink;
  const safe = link !== null && link.startsWith('https://') && (linkHosts[appointment.kildesystem] ?? []).includes(new URL(link).hostname);
  return safe ? new URL(link).toString() : selfService[responsibleFor(appointment).code];
}

/** Public-sector entity types and the area each belongs to. */
export const entityAreas: Record<string, Area> = {
  Case: 'cases',
  Benefit: 'benefits',
  Payment: 'payments',
  Appointment: 'appointments',
  Deadline: 'appointments',
  Proxy: 'proxies',
};

/** Cross-area links: the id of the record an entity field points at. */
export const links: Record<string, Record<string, (record: never) => string | null>> = {
  Benefit: { case: (record: WireBenefit) => record.sagId },
  Payment: { benefit: (record: WirePayment) => record.ydelseId },
  Appointment: { case: (record: WireAppointment) => record.sagId },
  Deadline: { case: (record: WireAppointment) => record.sagId },
  Proxy: { boundCase: (record: WireProxy) => record.sagId },
};

/** Age in whole years on a day, from DDMMYY and the century the 7th digit gives. */
export function ageOn(cpr: string, day: Date): number {
  const dd = Number(cpr.slice(0, 2));
  const mm = Number(cpr.slice(2, 4));
  const yy = Number(cpr.slice(4, 6));
  const seventh = Number(cpr[6]);
  let century: number;
  if (seventh <= 3) century = 1900;
  else if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else century = yy <= 57 ? 2000 : 1800;
  const born = century + yy;
  const month = day.getUTCMonth() + 1;
  const hadBirthday = month > mm || (month === mm && day.getUTCDate() >= dd);
  return day.getUTCFullYear() - born - (hadBirthday ? 0 : 1);
}

const prefixesOf = (kle: string) => kle.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'));

function minimumAgeFor(municipality: string | null, kle: string | null): number {
  const table = municipality === null ? {} : (rules.municipalities[municipality]?.minimumAge ?? {});
  const mostSpecific = kle === null ? undefined : [...prefixesOf(kle)].reverse().find((prefix) => table[prefix] !== undefined);
  return mostSpecific === undefined ? rules.defaultMinimumAge : table[mostSpecific];
}

/** Whether the responsible municipality has opened the record for citizens. */
function activated(area: Area, traits: Traits): boolean {
  if (traits.municipality === null) return true;
  const municipality = rules.municipalities[traits.municipality];
  if (!municipality) return false;
  if (area === 'payments') return municipality.activated.payments;
  if (area === 'appointments') return traits.sourceSystem !== null && municipality.activated.sourceSystems.includes(traits.sourceSystem);
  if (traits.kle === null) return true;
  return prefixesOf(traits.kle).some((prefix) => municipality.activated.kle.includes(prefix));
}

/** `Kle.name` in Danish as the config files give it: the nearest listed code, the municipality's own name for it first. */
export function kleName(code: string, municipality: string): string {
  for (const prefix of [...prefixesOf(code)].reverse()) {
    if (kleNames[prefix]) return plainNames[municipality]?.names[prefix] ?? kleNames[prefix].da;
  }
  return 'Anden sag';
}

interface Scope {
  areas: readonly Area[];
  caseId: string | null;
  /** A parent's custody of a minor: what the youth rule already shows an older child is not the parent's. */
  custody?: boolean;
}

/** What the caller reads with: which areas, under which scopes, by which data rules. */
interface Grant {
  areas: readonly Area[];
  scopes: Scope[];
  accessLog: boolean;
  /** Staff see their municipality's records, activated or not; everyone else what is activated (and, on their own, old enough). */
  dataRules: { staff: string } | { age: boolean };
}

export interface WithheldExpectation {
  reason: 'NOT_ACTIVATED' | 'AGE_LIMIT';
  count: number;
  minimumAge: number | null;
  kle: string | null;
}

export interface AreaExpectation {
  /** Ids of the records shown (for appointments: the appointments, not the deadlines). */
  visible: string[];
  /** Appointments only: the ids of the deadlines shown, kept in the same area and judged by the same rules. */
  deadlines: string[];
  withheld: WithheldExpectation[];
  /** Shown records the municipality has not activated for citizens. */
  notActivated: string[];
}

export interface OverviewExpectation {
  /** Per area: null when the caller may not read it (null with FORBIDDEN_AREA). */
  areas: Record<Area, AreaExpectation | null>;
  address: string | null;
  accessLog: boolean;
  /** Calendar links are the citizen's own business: no one acting for them lists or makes them. */
  calendarLinks: boolean;
  /** So are the consents they gave external services. */
  consents: boolean;
  /** And the exports of their data. */
  exports: boolean;
  /** And the list of everyone who can see their data. */
  accessGrants: boolean;
  /** Correction requests: the citizen's all, a proxy's its own (within its cards); no one else's. */
  corrections: boolean;
  /**
   * `itemHistory` for the record the matrix names (`historyItem`): null when the caller may not ask
   * (anyone but the citizen on their own login: FORBIDDEN), else whether it is shown (else NOT_FOUND).
   */
  itemHistory: { id: string; found: boolean } | null;
  /** The citizen's record of an area, or undefined when it is not theirs. */
  record(area: Area, id: string): WireRecord | undefined;
  /** Whether a link to this record shows (the caller may see it). */
  visible(area: Area, id: string): boolean;
  /** `location.address` of an appointment as this caller is shown it. */
  locationAddress(appointment: WireAppointment): string | null;
}

export interface ContextExpectation {
  openCases: { title: string; office: string }[];
  /** Upcoming appointments, soonest first (all of them: `first` is applied by the checker). */
  upcoming: WireAppointment[];
  /** Candidates for the next payout: all payouts on the earliest date from today. */
  nextPayment: WirePayment[];
}

/** One citizen a holder may act for now, all its proxies in force for them together. */
export interface RepresentationExpectation {
  name: string;
  cards: string[];
  kinds: string[];
  validTo: string | null;
  boundCaseIds: string[];
}
/** A proxy granted to a holder, as the holder is told of it on their own login. */
export interface HeldExpectation {
  id: string;
  grantorName: string;
  cards: string[];
  kind: string;
  validFrom: string;
  validTo: string | null;
  boundCaseId: string | null;
  status: 'PENDING' | 'NOT_YET_IN_FORCE' | 'IN_FORCE' | 'ENDED';
  endReason: 'REVOKED' | 'DECLINED' | 'EXPIRED' | 'CASE_CLOSED' | null;
  accepted: boolean;
  revoked: boolean;
}
const cardNames: Record<Area, string> = { cases: 'CASES', benefits: 'BENEFITS', payments: 'PAYMENTS', appointments: 'APPOINTMENTS', proxies: '' };
const kindNames: Record<WireProxy['type'], string> = { FULDMAGT: 'POWER_OF_ATTORNEY', VAERGEMAAL: 'GUARDIANSHIP', FREMTIDSFULDMAGT: 'FUTURE_POWER_OF_ATTORNEY' };

export interface OracleOptions {
  /** The day ages are computed on and the context's "from today" (the subgraphs' fixed clock). */
  fixtureNow: Date;
  /** The day proxies are judged valid on (the gateway checks grants on its own clock). */
  grantDay: Date;
  /** The day a holder's list of representations is made on (the proxies subgraph's clock). */
  representationDay: Date;
}

const normalise = (address: string) => address.toLowerCase().replace(/\s+/g, ' ').trim();
/** Validity and payment days are Danish calendar days. */
const isoDay = (day: Date) => day.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

export class AccessOracle {
  constructor(
    private readonly dataset: Dataset,
    private readonly options: OracleOptions,
  ) {}

  private person(cpr: string): WirePerson | undefined {
    return this.dataset.persons.find((person) => person.cpr === cpr);
  }

  private recordsOf(cpr: string): RecordsByArea {
    return {
      cases: this.dataset.cases.filter((record) => record.primaerPart.cpr === cpr),
      benefits: this.dataset.benefits.filter((record) => record.modtager.cpr === cpr),
      payments: this.dataset.payments.filter((record) => record.modtager.cpr === cpr),
      appointments: this.dataset.appointments.filter((record) => record.borger.cpr === cpr),
      proxies: this.dataset.proxies.filter((record) => record.fuldmagtsgiver.cpr === cpr),
    };
  }

  /** A holder's proxies (for any citizen) in force on a day: not revoked, within their period, put in force, their case open. */
  private inForce(holder: { type: 'PERSON' | 'ORGANISATION'; id: string }, day: Date): WireProxy[] {
    const today = isoDay(day);
    return this.dataset.proxies.filter((proxy) => {
      if (proxy.fuldmagtshaver.type !== holder.type || proxy.fuldmagtshaver.id !== holder.id) return false;
      if (proxy.tilbagekaldt !== null) return false;
      // Granted but not (yet) accepted by its holder, or declined: it grants nothing.
      if (proxy.accepteret === null || proxy.afvist !== null) return false;
      if (proxy.gyldigFra > today || (proxy.gyldigTil !== null && proxy.gyldigTil < today)) return false;
      if (proxy.type === 'FREMTIDSFULDMAGT' && (proxy.ikraftsat === null || proxy.ikraftsat > today)) return false;
      if (proxy.sagId !== null) {
        const kase = this.dataset.cases.find((record) => record.sagId === proxy.sagId);
        if (!kase || kase.primaerPart.cpr !== proxy.fuldmagtsgiver.cpr || kase.afsluttet !== null) return false;
      }
      return true;
    });
  }

  /** A holder's proxies for the citizen that are in force today. */
  validProxies(holder: { type: 'PERSON' | 'ORGANISATION'; id: string }, cpr: string): WireProxy[] {
    return this.inForce(holder, this.options.grantDay).filter((proxy) => proxy.fuldmagtsgiver.cpr === cpr);
  }

  /** The areas one proxy covers: a full guardianship all four, whatever its cards say. */
  private areasOf(proxy: WireProxy): readonly Area[] {
    return proxy.type === 'VAERGEMAAL' && proxy.vaergemaalOmfang === 'FULDT' ? cardAreas : proxy.kort.map((card) => cardArea[card]);
  }

  private grantOf(caller: Caller): Grant | null {
    switch (caller.kind) {
      case 'citizen':
        return { areas, scopes: [{ areas, caseId: null }], accessLog: true, dataRules: { age: true } };
      case 'proxy': {
        const proxies = this.validProxies(caller.holder, caller.cpr);
        if (proxies.length === 0) return this.custodyOf(caller.holder, caller.cpr);
        const scopes = proxies.map((proxy) => ({
          areas: this.areasOf(proxy),
          caseId: proxy.sagId,
        }));
        return {
          // Proxies never read the citizen's own list of proxies.
          areas: cardAreas.filter((area) => scopes.some((scope) => scope.areas.includes(area))),
          scopes,
          accessLog: proxies.some(
            (proxy) => proxy.sagId === null && ((proxy.type === 'VAERGEMAAL' && proxy.vaergemaalOmfang === 'FULDT') || proxy.type === 'FREMTIDSFULDMAGT'),
          ),
          dataRules: { age: false },
        };
      }
      case 'service': {
        // The consented areas, no more than the citizen sees (the age rule), never the access log.
        if (!caller.inForce) return null;
        const consented = cardAreas.filter((area) => caller.areas.includes(area));
        return { areas: consented, scopes: [{ areas: consented, caseId: null }], accessLog: false, dataRules: { age: true } };
      }
      case 'staff':
        return { areas: cardAreas, scopes: [{ areas: cardAreas, caseId: null }], accessLog: false, dataRules: { staff: caller.municipality } };
      default:
        return null;
    }
  }

  /** A parent with custody of a minor (the CPR register), without a proxy: the areas the rules give parents, until 18. */
  private custodyOf(holder: { type: 'PERSON' | 'ORGANISATION'; id: string }, cpr: string): Grant | null {
    const child = this.person(cpr);
    if (holder.type !== 'PERSON' || !child?.myndighedsindehavere.includes(holder.id) || ageOn(cpr, this.options.grantDay) >= 18) return null;
    const custodyAreas = areas.filter((area) => (rules.custody.areas as readonly string[]).includes(area));
    return { areas: custodyAreas, scopes: [{ areas: custodyAreas, caseId: null, custody: true }], accessLog: false, dataRules: { age: false } };
  }

  /** Whether the oracle has a rule for a root field of Query. */
  /**
   * The record the matrix asks `itemHistory` about for a citizen (variables `area` and `id`): their
   * first case, else benefit, else payment (lists a deadline is never in), else an id no record has.
   */
  historyItem(cpr: string | undefined): { area: 'cases' | 'benefits' | 'payments'; graphArea: 'CASES' | 'BENEFITS' | 'PAYMENTS'; id: string } {
    const records = cpr ? this.recordsOf(cpr) : null;
    for (const area of ['cases', 'benefits', 'payments'] as const) {
      const first = records?.[area][0] as WireRecord | undefined;
      if (first) return { area, graphArea: area.toUpperCase() as 'CASES' | 'BENEFITS' | 'PAYMENTS', id: recordId(area, first) };
    }
    return { area: 'cases', graphArea: 'CASES', id: 'no-such-record' };
  }

  knows(field: string): boolean {
    return roots[field] !== undefined;
  }

  /** Whether the root field answers this caller, and if not, how it refuses. */
  root(caller: Caller, field: string): RootExpectation {
    const root = roots[field];
    if (!root) throw new Error(`the oracle has no rule for Query.${field}: teach test/support/access-oracle.ts who may use it`);
    if (caller.kind === 'proxy' && this.grantOf(caller) === null) return { allowed: false, status: 403, code: 'PROXY_NOT_VALID' };
    if (caller.kind === 'service' && !caller.inForce) return { allowed: false, status: 403, code: 'CONSENT_NOT_VALID' };
    if (!root.admits.includes(caller.kind)) return { allowed: false, status: null, codes: ['FORBIDDEN', 'FORBIDDEN_AREA'] };
    return { allowed: true, view: root.view };
  }

  /** The data rules and lineage, for one citizen's records under one set of data rules. */
  private judge(records: RecordsByArea, dataRules: Grant['dataRules'], subjectCpr: string) {
    const memo = new Map<string, { verdict: Verdict; traits: Traits }>();
    const find = (area: Area, id: string) => (records[area] as WireRecord[]).find((record) => recordId(area, record) === id);
    const rule = (area: Area, traits: Traits): Verdict => {
      if ('staff' in dataRules) return traits.municipality === dataRules.staff ? { show: true } : { show: false, reason: 'OUTSIDE_GRANT' };
      if (!activated(area, traits)) return { show: false, reason: 'NOT_ACTIVATED' };
      if (dataRules.age) {
        const minimumAge = minimumAgeFor(traits.municipality, traits.kle);
        if (ageOn(subjectCpr, this.options.fixtureNow) < minimumAge) return { show: false, reason: 'AGE_LIMIT', minimumAge, kle: traits.kle };
      }
      return { show: true };
    };
    const data = (area: Area, record: WireRecord): { verdict: Verdict; traits: Traits } => {
      const key = `${area}:${recordId(area, record)}`;
      const known = memo.get(key);
      if (known) return known;
      const own = ownTraits(area, record);
      const link = parentOf[area];
      const parentId = link ? (link.id as (record: WireRecord) => string | null)(record) : null;
      const parent = link && parentId !== null ? find(link.area, parentId) : undefined;
      let judged: { verdict: Verdict; traits: Traits };
      if (!link || !parent) {
        judged = { verdict: rule(area, own), traits: own };
      } else {
        const inherited = data(link.area, parent);
        const traits = { ...own, kle: own.kle ?? inherited.traits.kle, caseId: own.caseId ?? inherited.traits.caseId };
        judged = { verdict: inherited.verdict.show ? rule(area, traits) : inherited.verdict, traits };
      }
      memo.set(key, judged);
      return judged;
    };
    return { data, find };
  }

  overview(caller: Caller): OverviewExpectation {
    const grant = this.grantOf(caller);
    if (!grant) throw new Error(`${caller.kind} has no overview`);
    const records = this.recordsOf(caller.cpr);
    const { data, find } = this.judge(records, grant.dataRules, caller.cpr);
    const childAge = ageOn(caller.cpr, this.options.fixtureNow);
    // Under custody, what the youth rule shows a child old enough is the child's alone.
    const childsOwn = (traits: Traits) => childAge >= rules.custody.childsOwnFromAge && childAge >= minimumAgeFor(traits.municipality, traits.kle);
    const covered = (area: Area, traits: Traits) =>
      grant.scopes.some((scope) => scope.areas.includes(area) && (scope.caseId === null || scope.caseId === traits.caseId) && !(scope.custody && childsOwn(traits)));
    const verdict = (area: Area, record: WireRecord): Verdict => {
      const judged = data(area, record);
      return covered(area, judged.traits) ? judged.verdict : { show: false, reason: 'OUTSIDE_GRANT' };
    };
    const expectationFor = (area: Area): AreaExpectation | null => {
      if (!grant.areas.includes(area)) return null;
      const all = records[area] as WireRecord[];
      const shown = all.filter((record) => verdict(area, record).show);
      const groups = new Map<string, WithheldExpectation>();
      for (const record of all) {
        const judged = verdict(area, record);
        if (judged.show || judged.reason === 'OUTSIDE_GRANT') continue;
        const kle = judged.reason === 'AGE_LIMIT' ? judged.kle : null;
        const key = `${judged.reason}|${kle}`;
        const group = groups.get(key) ?? { reason: judged.reason, count: 0, minimumAge: judged.reason === 'AGE_LIMIT' ? judged.minimumAge : null, kle };
        group.count += 1;
        groups.set(key, group);
      }
      const isDeadline = (record: WireRecord) => area === 'appointments' && (record as WireAppointment).type === 'FRIST';
      return {
        visible: shown.filter((record) => !isDeadline(record)).map((record) => recordId(area, record)),
        deadlines: shown.filter(isDeadline).map((record) => recordId(area, record)),
        withheld: [...groups.values()],
        notActivated: shown.filter((record) => !activated(area, data(area, record).traits)).map((record) => recordId(area, record)),
      };
    };
    const person = this.person(caller.cpr);
    const protectedAddress = person?.adressebeskyttet ? normalise(person.adresse) : null;
    const ownsData = caller.kind === 'citizen';
    const historyItem = this.historyItem(caller.cpr);
    return {
      areas: Object.fromEntries(areas.map((area) => [area, expectationFor(area)])) as Record<Area, AreaExpectation | null>,
      // A consent covers data areas, never the address.
      address: person === undefined || caller.kind === 'service' ? null : ownsData || !person.adressebeskyttet ? person.adresse : null,
      accessLog: grant.accessLog,
      calendarLinks: ownsData,
      consents: ownsData,
      exports: ownsData,
      accessGrants: ownsData,
      corrections: ownsData || caller.kind === 'proxy',
      itemHistory: ownsData ? { id: historyItem.id, found: find(historyItem.area, historyItem.id) !== undefined && verdict(historyItem.area, find(historyItem.area, historyItem.id)!).show } : null,
      record: (area, id) => find(area, id),
      visible: (area, id) => {
        if (!grant.areas.includes(area)) return false;
        const record = find(area, id);
        return record !== undefined && verdict(area, record).show;
      },
      locationAddress: (appointment) => {
        const address = appointment.sted?.adresse ?? null;
        if (address === null || ownsData) return address;
        return protectedAddress !== null && normalise(address) === protectedAddress ? null : address;
      },
    };
  }

  /** The chatbot's (or the citizen's own) citizen context: their own records under the data rules and the age rule. */
  context(caller: Caller): ContextExpectation {
    const records = this.recordsOf(caller.cpr);
    const { data } = this.judge(records, { age: true }, caller.cpr);
    const shown = <R extends WireRecord>(area: Area) => (records[area] as R[]).filter((record) => data(area, record).verdict.show);
    const now = this.options.fixtureNow;
    const openCases = shown<WireCase>('cases')
      .filter((kase) => kase.fremdrift !== 'Afsluttet')
      .sort((a, b) => b.oprettet.localeCompare(a.oprettet) || a.sagId.localeCompare(b.sagId))
      .map((kase) => ({ title: kase.titel ?? kleName(kase.kle, kase.myndighed.kode), office: kase.ansvarligEnhed.navn }));
    const upcoming = shown<WireAppointment>('appointments')
      .filter((appointment) => appointment.type === 'AFTALE' && Date.parse(appointment.start) >= now.getTime())
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.aftaleId.localeCompare(b.aftaleId));
    const payouts = shown<WirePayment>('payments').filter(
      (payment) => payment.type === 'UDBETALING' && payment.betalingsdato !== null && payment.betalingsdato >= isoDay(now),
    );
    const soonest = payouts.map((payment) => payment.betalingsdato!).sort()[0];
    return { openCases, upcoming, nextPayment: payouts.filter((payment) => payment.betalingsdato === soonest) };
  }

  /** A partner's shared appointments: by agreement, not objected to, under activation and lineage (no age rule). */
  shared(caller: Caller): WireAppointment[] {
    if (caller.kind !== 'partner') throw new Error('only partners read shared appointments');
    const records = this.recordsOf(caller.cpr);
    const { data } = this.judge(records, { age: false }, caller.cpr);
    // Only while the partner holds a course with the citizen: an appointment it is responsible for.
    if (!records.appointments.some((appointment) => responsibleFor(appointment).code === partnerAuthority[caller.organisation])) return [];
    return records.appointments.filter(
      (appointment) =>
        appointment.type === 'AFTALE' &&
        !appointment.delingFrabedt &&
        (sharedWith[appointment.kildesystem] ?? []).includes(caller.organisation) &&
        data('appointments', appointment).verdict.show,
    );
  }

  /** A person's or organisation's own list of whom it may act for now: one entry per citizen. */
  representations(caller: Caller): RepresentationExpectation[] {
    const holder =
      caller.kind === 'citizen' ? { type: 'PERSON' as const, id: caller.cpr } : caller.kind === 'organisation' ? { type: 'ORGANISATION' as const, id: caller.cvr } : null;
    if (!holder) throw new Error(`${caller.kind} has no representations`);
    const byCitizen = new Map<string, WireProxy[]>();
    for (const proxy of this.inForce(holder, this.options.representationDay)) {
      byCitizen.set(proxy.fuldmagtsgiver.cpr, [...(byCitizen.get(proxy.fuldmagtsgiver.cpr) ?? []), proxy]);
    }
    return [...byCitizen].map(([cpr, held]) => ({
      name: this.person(cpr)?.navn ?? '',
      cards: cardAreas.filter((area) => held.some((proxy) => this.areasOf(proxy).includes(area))).map((area) => cardNames[area]),
      kinds: [...new Set(held.map((proxy) => kindNames[proxy.type]))],
      validTo: held.some((proxy) => proxy.gyldigTil === null) ? null : held.map((proxy) => proxy.gyldigTil!).sort().at(-1)!,
      boundCaseIds: [...new Set(held.flatMap((proxy) => (proxy.sagId === null ? [] : [proxy.sagId])))],
    }));
  }

  /**
   * Every proxy granted to a person or an organisation, on its own login, with where it stands on
   * the proxies subgraph's day: revoked by the citizen, or declined by the holder, ended so; else
   * ended when its period is over or its case closed (or is gone), whichever came first; else
   * pending until accepted; else in force from its first day (a lasting power of attorney once the
   * Family Court put it in force).
   */
  held(caller: Caller): HeldExpectation[] {
    const holder =
      caller.kind === 'citizen' ? { type: 'PERSON' as const, id: caller.cpr } : caller.kind === 'organisation' ? { type: 'ORGANISATION' as const, id: caller.cvr } : null;
    if (!holder) throw new Error(`${caller.kind} holds no proxies on its own login`);
    const today = isoDay(this.options.representationDay);
    return this.dataset.proxies
      .filter((proxy) => proxy.fuldmagtshaver.type === holder.type && proxy.fuldmagtshaver.id === holder.id)
      .map((proxy) => {
        let status: HeldExpectation['status'] = 'IN_FORCE';
        let endReason: HeldExpectation['endReason'] = null;
        const kase = proxy.sagId === null ? undefined : this.dataset.cases.find((record) => record.sagId === proxy.sagId);
        // The day its case closed; '' when the case is gone or not the citizen's (ended before anything else).
        const caseEnd = proxy.sagId === null ? null : !kase || kase.primaerPart.cpr !== proxy.fuldmagtsgiver.cpr ? '' : kase.afsluttet;
        const periodEnd = proxy.gyldigTil !== null && proxy.gyldigTil < today ? proxy.gyldigTil : null;
        if (proxy.tilbagekaldt !== null) endReason = 'REVOKED';
        else if (proxy.afvist !== null) endReason = 'DECLINED';
        else if (caseEnd !== null && (periodEnd === null || caseEnd <= periodEnd)) endReason = 'CASE_CLOSED';
        else if (periodEnd !== null) endReason = 'EXPIRED';
        if (endReason !== null) status = 'ENDED';
        else if (proxy.accepteret === null) status = 'PENDING';
        else if (proxy.gyldigFra > today || (proxy.type === 'FREMTIDSFULDMAGT' && (proxy.ikraftsat === null || proxy.ikraftsat > today))) status = 'NOT_YET_IN_FORCE';
        return {
          id: proxy.fuldmagtId,
          grantorName: this.person(proxy.fuldmagtsgiver.cpr)?.navn ?? '',
          cards: proxy.kort.map((card) => cardNames[cardArea[card]]),
          kind: kindNames[proxy.type],
          validFrom: proxy.gyldigFra,
          validTo: proxy.gyldigTil,
          boundCaseId: proxy.sagId,
          status,
          endReason,
          accepted: proxy.accepteret !== null,
          revoked: proxy.tilbagekaldt !== null,
        };
      });
  }
}
