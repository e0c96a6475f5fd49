import type { GraphQLResponse } from './graphql-client';
import {
  areas,
  entityAreas,
  links,
  responsibleFor,
  shownChangeLink,
  type Area,
  type AreaExpectation,
  type ContextExpectation,
  type OverviewExpectation,
  type HeldExpectation,
  type RepresentationExpectation,
  type RootExpectation,
  type WireRecord,
} from './access-oracle';
import type { Selected } from './schema-paths';
import type { SimulatedAppointment as WireAppointment } from '../../mocks/fixtures/generator';
import type { WirePayment } from '../../subgraphs/payments/upstream.contract';

/**
 * Compares one response with the oracle's expectation, walking the response along the generated
 * selection (so aliases and fragments make no difference), and returns every difference in plain
 * words: an empty list means the response is exactly what the caller may see.
 */

type Path = (string | number)[];
type Json = Record<string, unknown>;

interface ExpectedError {
  path: Path;
  code: string;
  area?: Area;
}

const show = (path: Path) => path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').slice(1);
const sorted = (values: Iterable<string>) => [...values].sort();

function compareIds(problems: string[], where: string, actual: string[], expected: string[]): void {
  const missing = expected.filter((id) => !actual.includes(id));
  const extra = actual.filter((id) => !expected.includes(id));
  const duplicates = actual.filter((id, index) => actual.indexOf(id) !== index);
  if (missing.length + extra.length + duplicates.length === 0) return;
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    extra.length > 0 ? `unexpected ${extra.join(', ')}` : '',
    duplicates.length > 0 ? `twice ${duplicates.join(', ')}` : '',
  ].filter(Boolean);
  problems.push(`${where}: ${parts.join('; ')}`);
}

/** The area a Citizen field belongs to, and which of the area's fields it is (deadlines are kept with appointments). */
function areaField(field: string): { area: Area; part: string } | null {
  if (field === 'deadlines') return { area: 'appointments', part: 'deadlines' };
  for (const area of areas) if (field.startsWith(area)) return { area, part: field.slice(area.length) };
  return null;
}

class Checker {
  readonly problems: string[] = [];
  readonly expectedErrors: ExpectedError[] = [];
  private citizenIds = new Set<string>();

  constructor(private readonly forbiddenTexts: string[]) {}

  problem(path: Path, text: string): void {
    this.problems.push(`${show(path)}: ${text}`);
  }

  /** A field the caller may not read: null, with an error saying so at its path. */
  refused(path: Path, value: unknown, code: string, area?: Area): void {
    if (value !== null) this.problem(path, `should be null (${code}) but is ${JSON.stringify(value).slice(0, 200)}`);
    this.expectedErrors.push({ path, code, area });
  }

  citizen(node: Selected, value: unknown, path: Path, expectation: OverviewExpectation): void {
    if (value === null || typeof value !== 'object') {
      this.problem(path, `a Citizen was expected, got ${JSON.stringify(value)}`);
      return;
    }
    const citizen = value as Json;
    for (const child of node.children ?? []) {
      const inner = citizen[child.key];
      const at = [...path, child.key];
      if (child.field === 'id') {
        this.citizenIds.add(String(inner));
        if (typeof inner !== 'string' || /^\d{10}$/.test(inner)) this.problem(at, `not a pseudonymous id: ${JSON.stringify(inner)}`);
      } else if (child.field === 'address') {
        if (inner !== expectation.address) this.problem(at, `expected ${JSON.stringify(expectation.address)}, got ${JSON.stringify(inner)}`);
      } else if (child.field === 'calendarLinks') {
        if (!expectation.calendarLinks) this.refused(at, inner, 'FORBIDDEN');
        else if (!Array.isArray(inner)) this.problem(at, `the citizen's calendar links were expected, got ${JSON.stringify(inner)}`);
      } else if (child.field === 'accessGrants') {
        if (!expectation.accessGrants) this.refused(at, inner, 'FORBIDDEN');
        else if (!Array.isArray(inner)) this.problem(at, `the citizen's access grants were expected, got ${JSON.stringify(inner)}`);
      } else if (child.field === 'corrections') {
        if (!expectation.corrections) this.refused(at, inner, 'FORBIDDEN');
        else if (!Array.isArray(inner)) this.problem(at, `the caller's correction requests were expected, got ${JSON.stringify(inner)}`);
      } else if (child.field === 'exports') {
        if (!expectation.exports) this.refused(at, inner, 'FORBIDDEN');
        else if (!Array.isArray(inner)) this.problem(at, `the citizen's exports were expected, got ${JSON.stringify(inner)}`);
      } else if (child.field === 'itemHistory') {
        const item = expectation.itemHistory;
        const idKey = child.children?.find((each) => each.field === 'id')?.key ?? 'id';
        if (!item) this.refused(at, inner, 'FORBIDDEN');
        else if (!item.found) this.refused(at, inner, 'NOT_FOUND');
        else if (inner === null || typeof inner !== 'object' || (inner as Json)[idKey] !== item.id) this.problem(at, `the history of ${item.id} was expected, got ${JSON.stringify(inner)?.slice(0, 200)}`);
      } else if (child.field === 'consents') {
        if (!expectation.consents) this.refused(at, inner, 'FORBIDDEN');
        else if (!Array.isArray(inner)) this.problem(at, `the citizen's consents were expected, got ${JSON.stringify(inner)}`);
      } else if (child.field === 'accessLog') {
        if (!expectation.accessLog) this.refused(at, inner, 'FORBIDDEN_AREA');
        else if (inner === null || typeof inner !== 'object') this.problem(at, `the access log was expected, got ${JSON.stringify(inner)}`);
      } else {
        const owned = areaField(child.field);
        if (!owned) {
          this.problem(at, `the oracle has no rule for Citizen.${child.field}: teach test/support/access-oracle.ts`);
          continue;
        }
        const area = owned.area;
        const areaExpectation = expectation.areas[area];
        if (areaExpectation === null) {
          this.refused(at, inner, 'FORBIDDEN_AREA', area);
          continue;
        }
        this.areaPart(child, owned.part, inner, at, area, areaExpectation, expectation);
      }
    }
  }

  private areaPart(node: Selected, part: string, value: unknown, path: Path, area: Area, expected: AreaExpectation, overview: OverviewExpectation): void {
    switch (part) {
      case '':
        return this.list(node, value, path, area, expected.visible, overview);
      case 'deadlines':
        return this.list(node, value, path, 'deadlines', expected.deadlines, overview);
      case 'Freshness': {
        const freshness = value as { stale?: unknown } | null;
        if (freshness === null || typeof freshness !== 'object') this.problem(path, `freshness was expected, got ${JSON.stringify(value)}`);
        else if ('stale' in freshness && freshness.stale !== false) this.problem(path, 'a stale copy was served though every index answers');
        return;
      }
      case 'Withheld': {
        if (!Array.isArray(value)) {
          this.problem(path, `a list of notices was expected, got ${JSON.stringify(value)}`);
          return;
        }
        const fields = new Set((node.children ?? []).map((child) => child.field));
        const describe = (notice: { reason: unknown; count: unknown; minimumAge?: unknown; kle?: unknown }) =>
          JSON.stringify({
            reason: notice.reason,
            count: fields.has('count') ? notice.count : undefined,
            minimumAge: fields.has('minimumAge') ? (notice.minimumAge ?? null) : undefined,
            kle: fields.has('kle') ? (notice.kle ?? null) : undefined,
          });
        const notices = byField(value, node) as Json[];
        const actual = sorted(notices.map((notice) => describe({ ...notice, reason: notice.reason, count: notice.count, kle: (notice.kle as { code?: string } | null | undefined)?.code ?? null })));
        const wanted = sorted(expected.withheld.map((notice) => describe(notice)));
        if (JSON.stringify(actual) !== JSON.stringify(wanted)) this.problem(path, `withheld notices ${actual.join(' ') || '(none)'}; expected ${wanted.join(' ') || '(none)'}`);
        return;
      }
      case 'NotActivated': {
        if (!Array.isArray(value)) {
          this.problem(path, `a list of ids was expected, got ${JSON.stringify(value)}`);
          return;
        }
        compareIds(this.problems, `${show(path)} (${area} not activated)`, value.map(String), expected.notActivated);
        return;
      }
      default:
        this.problem(path, `the oracle has no rule for Citizen.${node.field}: teach test/support/access-oracle.ts`);
    }
  }

  /** A list of records: the ones expected (the first `first` of them), each checked as an entity. */
  private list(node: Selected, value: unknown, path: Path, what: string, visible: string[], overview: OverviewExpectation): void {
    if (!Array.isArray(value)) {
      this.problem(path, `a list of ${what} was expected, got ${JSON.stringify(value)}`);
      return;
    }
    const items = value as Json[];
    const first = node.first ?? Number.POSITIVE_INFINITY;
    const ids = items.map((item) => String(item.id));
    if (visible.length <= first) {
      compareIds(this.problems, `${show(path)} (${what})`, ids, visible);
    } else {
      if (items.length !== first) this.problem(path, `expected the first ${first} of ${visible.length}, got ${items.length}`);
      compareIds(this.problems, `${show(path)} (${what}, capped)`, ids.filter((id) => !visible.includes(id)), []);
    }
    items.forEach((item, index) => this.entity(node, item, [...path, index], overview));
  }

  /** One public-sector record: it must be the citizen's, and its links and addresses as the caller may see them. */
  private entity(node: Selected, value: Json | null, path: Path, overview: OverviewExpectation): void {
    if (value === null || typeof value !== 'object') {
      this.problem(path, `an entity was expected, got ${JSON.stringify(value)}`);
      return;
    }
    const area = entityAreas[node.type];
    const record = overview.record(area, String(value.id));
    if (!record) {
      this.problem(path, `${node.type} ${String(value.id)} is not one of the citizen's records`);
      return;
    }
    for (const child of node.children ?? []) {
      const inner = value[child.key];
      const at = [...path, child.key];
      if (child.type === 'Citizen') {
        this.citizen(child, inner, at, overview);
      } else if (entityAreas[child.type]) {
        const link = links[node.type]?.[child.field] as ((record: WireRecord) => string | null) | undefined;
        if (!link) {
          this.problem(at, `the oracle has no rule for the link ${node.type}.${child.field}: teach test/support/access-oracle.ts`);
          continue;
        }
        const target = link(record);
        const shown = target !== null && overview.visible(entityAreas[child.type], target);
        if (!shown) {
          if (inner !== null) this.problem(at, `link should be null (${target ?? 'no link'} is not for this caller), got ${JSON.stringify(inner).slice(0, 120)}`);
        } else if (inner === null || typeof inner !== 'object' || (inner as Json).id !== target) {
          this.problem(at, `link to ${target} expected, got ${JSON.stringify(inner)?.slice(0, 120)}`);
        } else {
          this.entity(child, inner as Json, at, overview);
        }
      } else if (node.type === 'Appointment' && child.field === 'location') {
        const appointment = record as WireAppointment;
        if (appointment.sted === null) {
          if (inner !== null) this.problem(at, `expected no location, got ${JSON.stringify(inner)}`);
          continue;
        }
        const addressKey = child.children?.find((grandchild) => grandchild.field === 'address')?.key;
        const expected = overview.locationAddress(appointment);
        if (addressKey && (inner as Json | null)?.[addressKey] !== expected) {
          this.problem([...at, addressKey], `expected ${JSON.stringify(expected)}, got ${JSON.stringify((inner as Json | null)?.[addressKey])}`);
        }
      }
    }
  }

  context(node: Selected, value: unknown, path: Path, expected: ContextExpectation): void {
    if (value === null || typeof value !== 'object') {
      this.problem(path, `a CitizenContext was expected, got ${JSON.stringify(value)}`);
      return;
    }
    const context = value as Json;
    for (const child of node.children ?? []) {
      const at = [...path, child.key];
      // Read by field name from here on: aliases make no difference.
      const inner = byField(context[child.key], child);
      switch (child.field) {
        case 'id':
          if (typeof inner !== 'string' || /^\d{10}$/.test(inner)) this.problem(at, `not a pseudonymous id: ${JSON.stringify(inner)}`);
          break;
        case 'openCases': {
          const actual = (inner as Json[] | null) ?? [];
          const titles = actual.map((item) => [item.title, (item.contact as Json | undefined)?.office]);
          const wanted = expected.openCases.map((item) => [item.title, (child.children ?? []).some((each) => each.field === 'contact') ? item.office : undefined]);
          if (!Array.isArray(inner) || JSON.stringify(titles) !== JSON.stringify(wanted)) {
            this.problem(at, `open cases ${JSON.stringify(titles)}; expected ${JSON.stringify(wanted)}`);
          }
          break;
        }
        case 'nextAppointments': {
          const first = Math.min(Math.max(child.first ?? 3, 0), 10);
          const wanted = expected.upcoming.slice(0, first).map(shownChangeLink);
          const actual = ((inner as Json[] | null) ?? []).map((item) => item.changeLink);
          if (!Array.isArray(inner) || JSON.stringify(actual) !== JSON.stringify(wanted)) {
            this.problem(at, `next appointments ${JSON.stringify(actual)}; expected ${JSON.stringify(wanted)}`);
          }
          break;
        }
        case 'nextPayment': {
          const candidates: WirePayment[] = expected.nextPayment;
          if (candidates.length === 0) {
            if (inner !== null) this.problem(at, `no next payment expected, got ${JSON.stringify(inner)}`);
            break;
          }
          const payment = inner as Json | null;
          const date = payment?.date;
          const amount = (payment?.amount as Json | undefined)?.amount;
          const matches = candidates.some((candidate) => candidate.betalingsdato === date && (amount === undefined || amount === money(candidate.beloeb.oere)));
          if (!matches) this.problem(at, `next payment ${JSON.stringify(payment)}; expected one of ${candidates.map((candidate) => `${candidate.betalingsdato} ${money(candidate.beloeb.oere)}`).join(', ')}`);
          break;
        }
        default:
          this.problem(at, `the oracle has no rule for CitizenContext.${child.field}: teach test/support/access-oracle.ts`);
      }
    }
  }

  shared(node: Selected, value: unknown, path: Path, expected: WireAppointment[]): void {
    if (!Array.isArray(value)) {
      this.problem(path, `a list of shared appointments was expected, got ${JSON.stringify(value)}`);
      return;
    }
    const known: Record<string, (appointment: WireAppointment) => unknown> = {
      title: (appointment) => appointment.titel,
      startsAt: (appointment) => appointment.start,
      endsAt: (appointment) => appointment.slut,
      place: (appointment) => appointment.sted?.navn ?? null,
      sourceSystem: (appointment) => appointment.kildesystem,
      responsibleAuthority: responsibleFor,
    };
    const children = node.children ?? [];
    for (const child of children) if (!known[child.field]) this.problem([...path, child.key], `the oracle has no rule for SharedAppointment.${child.field}`);
    const judged = children.filter((child) => known[child.field]);
    /** One appointment as the selected fields' values, by field name, so aliases do not matter. */
    const describe = (valueOf: (child: Selected) => unknown) => JSON.stringify(judged.map((child) => project(valueOf(child), child)));
    const actual = sorted((value as Json[]).map((item) => describe((child) => byField(item[child.key], child))));
    const wanted = sorted(expected.map((appointment) => describe((child) => known[child.field](appointment))));
    const missing = wanted.filter((each) => !actual.includes(each));
    const extra = actual.filter((each) => !wanted.includes(each));
    if (missing.length + extra.length > 0) this.problem(path, `shared appointments differ; missing ${missing.join(' ') || '-'}; unexpected ${extra.join(' ') || '-'}`);
    const starts = (value as Json[]).map((item) => item[children.find((child) => child.field === 'startsAt')?.key ?? 'startsAt'] as string);
    if (starts.some((start, index) => index > 0 && Date.parse(start) < Date.parse(starts[index - 1]))) this.problem(path, 'shared appointments are not soonest first');
  }

  representations(node: Selected, value: unknown, path: Path, expected: RepresentationExpectation[]): void {
    if (!Array.isArray(value)) {
      this.problem(path, `a list of representations was expected, got ${JSON.stringify(value)}`);
      return;
    }
    // Compared as values; the lists as sets. `citizenId` is pseudonymous: only checked not to be a CPR.
    const values = new Set(['name', 'validTo']);
    const sets = new Set(['cards', 'kinds', 'boundCaseIds']);
    const children = node.children ?? [];
    const judged = children.filter((child) => values.has(child.field) || sets.has(child.field));
    for (const child of children) {
      if (child.field !== 'citizenId' && !judged.includes(child)) this.problem([...path, child.key], `the oracle has no rule for Representation.${child.field}`);
    }
    const describe = (entry: Json) => JSON.stringify(judged.map((child) => (sets.has(child.field) && Array.isArray(entry[child.field]) ? sorted(entry[child.field] as string[]) : entry[child.field])));
    const items = byField(value, node) as Json[];
    for (const [index, item] of items.entries()) {
      if ('citizenId' in item && (typeof item.citizenId !== 'string' || /\d{10}/.test(item.citizenId))) this.problem([...path, index, 'citizenId'], `not a pseudonymous id: ${JSON.stringify(item.citizenId)}`);
    }
    const actual = sorted(items.map(describe));
    const wanted = sorted(expected.map((entry) => describe(entry as unknown as Json)));
    const missing = wanted.filter((each) => !actual.includes(each));
    const extra = actual.filter((each) => !wanted.includes(each));
    if (missing.length + extra.length > 0) this.problem(path, `representations differ; missing ${missing.join(' ') || '-'}; unexpected ${extra.join(' ') || '-'}`);
  }

  /** A holder's own list of the proxies granted to it: exactly the expected ones, each as it stands. */
  held(node: Selected, value: unknown, path: Path, expected: HeldExpectation[]): void {
    if (!Array.isArray(value)) {
      this.problem(path, `a list of held proxies was expected, got ${JSON.stringify(value)}`);
      return;
    }
    const items = byField(value, node) as Json[];
    const wanted = new Map(expected.map((entry) => [entry.id, entry]));
    const first = node.first ?? Number.POSITIVE_INFINITY;
    if (expected.length <= first) compareIds(this.problems, `${show(path)} (held proxies)`, items.map((item) => String(item.id)), [...wanted.keys()]);
    const compared: Record<string, (item: Json, entry: HeldExpectation) => string | null> = {
      id: () => null,
      cards: (item, entry) => (JSON.stringify(sorted(item.cards as string[])) === JSON.stringify(sorted(entry.cards)) ? null : `cards ${JSON.stringify(item.cards)}, expected ${JSON.stringify(entry.cards)}`),
      grantor: (item, entry) => {
        const grantor = item.grantor as Json | undefined;
        if (grantor && 'citizenId' in grantor && (typeof grantor.citizenId !== 'string' || /\d{10}/.test(grantor.citizenId))) return `not a pseudonymous id: ${JSON.stringify(grantor.citizenId)}`;
        return grantor && 'name' in grantor && grantor.name !== entry.grantorName ? `grantor ${JSON.stringify(grantor.name)}, expected ${JSON.stringify(entry.grantorName)}` : null;
      },
      statusText: (item) => (typeof item.statusText === 'string' && item.statusText !== '' ? null : 'no statusText'),
      endReasonText: (item, entry) => ((item.endReasonText === null) === (entry.endReason === null) ? null : `endReasonText ${JSON.stringify(item.endReasonText)} beside endReason ${entry.endReason}`),
      acceptedAt: (item, entry) => ((item.acceptedAt !== null) === entry.accepted ? null : `acceptedAt ${JSON.stringify(item.acceptedAt)}, expected ${entry.accepted ? 'a time' : 'null'}`),
      revokedAt: (item, entry) => ((item.revokedAt !== null) === entry.revoked ? null : `revokedAt ${JSON.stringify(item.revokedAt)}, expected ${entry.revoked ? 'a time' : 'null'}`),
    };
    for (const field of ['kind', 'validFrom', 'validTo', 'boundCaseId', 'status', 'endReason'] as const) {
      compared[field] = (item, entry) => (item[field] === entry[field] ? null : `${field} ${JSON.stringify(item[field])}, expected ${JSON.stringify(entry[field])}`);
    }
    for (const child of node.children ?? []) if (!compared[child.field]) this.problem([...path, child.key], `the oracle has no rule for HeldProxy.${child.field}`);
    items.forEach((item, index) => {
      const entry = wanted.get(String(item.id));
      if (!entry) return;
      for (const child of node.children ?? []) {
        const problem = compared[child.field]?.(item, entry);
        if (problem) this.problem([...path, index, child.key], `${entry.id}: ${problem}`);
      }
    });
  }

  /** Whole-response rules: the errors are exactly those expected, and nothing forbidden appears in the text. */
  finish(response: GraphQLResponse<unknown>): string[] {
    const actual = (response.body.errors ?? []).map((error) => ({
      path: error.path ?? [],
      code: String(error.extensions?.code ?? '(no code)'),
      area: error.extensions?.area as string | undefined,
      message: error.message,
    }));
    const key = (error: { path: Path; code: string }) => `${show(error.path)} ${error.code}`;
    const unmatched = [...actual];
    for (const expected of this.expectedErrors) {
      const index = unmatched.findIndex((error) => key(error) === key(expected));
      if (index < 0) {
        this.problems.push(`expected an error ${expected.code} at ${show(expected.path)}, got none`);
        continue;
      }
      const [found] = unmatched.splice(index, 1);
      if (expected.area && found.area !== expected.area) this.problems.push(`error at ${show(expected.path)} names area ${found.area}, expected ${expected.area}`);
    }
    for (const error of unmatched) this.problems.push(`unexpected error ${error.code} at ${show(error.path) || '(no path)'}: ${error.message}`);
    if (this.citizenIds.size > 1) this.problems.push(`the response names ${this.citizenIds.size} different citizens`);
    this.problems.push(...leaks(response.text, this.forbiddenTexts));
    return this.problems;
  }
}

/** A response value with its sub-objects keyed by field name rather than by response key. */
function byField(value: unknown, node: Selected): unknown {
  if (value === null || typeof value !== 'object' || !node.children) return value;
  if (Array.isArray(value)) return value.map((item) => byField(item, node));
  return Object.fromEntries(node.children.map((child) => [child.field, byField((value as Json)[child.key], child)]));
}

/** An object value reduced to the selected fields, in selection order. */
function project(value: unknown, node: Selected): unknown {
  if (value === null || typeof value !== 'object' || !node.children) return value;
  return node.children.map((child) => (value as Json)[child.field]);
}

/** `Money.amount` as the graph writes øre: a decimal string with two places. */
export function money(oere: number): string {
  const sign = oere < 0 ? '-' : '';
  const abs = Math.abs(oere);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function leaks(text: string, forbidden: string[]): string[] {
  return forbidden.filter((each) => text.includes(each)).map((each) => `the response text contains ${JSON.stringify(each)}`);
}

/**
 * What holds for any answer, whether or not the oracle knows the root field: nothing forbidden in
 * the text, no internal error, no non-null violation (a `valueCompletion` error), no HTTP 5xx.
 */
export function generalProblems(response: GraphQLResponse<unknown>, forbiddenTexts: string[]): string[] {
  const problems = leaks(response.text, forbiddenTexts);
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  for (const error of response.body.errors ?? []) {
    const code = String(error.extensions?.code);
    if (code === 'INTERNAL_SERVER_ERROR' || /non-nullable|valueCompletion/i.test(error.message) || error.extensions?.valueCompletion) {
      problems.push(`${code} at ${show(error.path ?? []) || '(no path)'}: ${error.message}`);
    }
  }
  return problems;
}

export interface Expectation {
  root: RootExpectation;
  overview?: OverviewExpectation;
  context?: ContextExpectation;
  shared?: WireAppointment[];
  representations?: RepresentationExpectation[];
  held?: HeldExpectation[];
}

/** Every difference between a response to a generated query and what the caller may see. */
export function differences(root: Selected, response: GraphQLResponse<unknown>, expectation: Expectation, forbiddenTexts: string[]): string[] {
  const checker = new Checker(forbiddenTexts);
  const outcome = expectation.root;
  const data = (response.body.data ?? null) as Json | null;
  if (!outcome.allowed) {
    const problems: string[] = [];
    const value = data?.[root.key] ?? null;
    if (value !== null && !(Array.isArray(value) && value.length === 0)) problems.push(`${root.key}: a refused caller got data ${JSON.stringify(value).slice(0, 200)}`);
    const codes = (response.body.errors ?? []).map((error) => String(error.extensions?.code));
    if (outcome.status !== null) {
      if (response.status !== outcome.status) problems.push(`HTTP ${response.status}, expected ${outcome.status}`);
      if (data !== null) problems.push('a refused request carries a data member');
      if (!codes.includes(outcome.code) || codes.some((code) => code !== outcome.code)) problems.push(`error codes ${codes.join(', ')}; expected ${outcome.code}`);
    } else {
      if (codes.length === 0) problems.push('refused without an error');
      const other = codes.filter((code) => !outcome.codes.includes(code));
      if (other.length > 0) problems.push(`refused with codes ${other.join(', ')}; expected only ${outcome.codes.join(' or ')}`);
    }
    problems.push(...leaks(response.text, forbiddenTexts));
    return problems;
  }
  if (response.status !== 200) checker.problems.push(`HTTP ${response.status}, expected 200`);
  const value = data?.[root.key];
  const path = [root.key];
  if (outcome.view === 'overview') checker.citizen(root, value, path, expectation.overview!);
  else if (outcome.view === 'context') checker.context(root, value, path, expectation.context!);
  else if (outcome.view === 'shared') checker.shared(root, value, path, expectation.shared!);
  else if (outcome.view === 'held') checker.held(root, value, path, expectation.held!);
  else checker.representations(root, value, path, expectation.representations!);
  return checker.finish(response);
}
