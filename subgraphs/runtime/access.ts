import { z } from 'zod';
import rulesFile from '../../config/access-rules.json';
import agreementsFile from '../../config/sharing-agreements.json';
import { ageFromCpr } from '../../lib/cpr';
import type { Disclosures } from '../../lib/disclosures';
import { appError, type Area } from '../../lib/errors';
import { areaNames, type InternalContext } from '../../lib/internal-context';
import type { WirePerson } from '../../lib/person.contract';
import type { AreaLoaders, IndexDescription, SourceFreshness } from './index-client';

/**
 * The one place a subgraph decides what a caller sees. Every list, entity reference, link and
 * address goes through an `Access` made per request for one citizen; the decisions are driven by
 * the caller's sealed context and by data (`config/access-rules.json`,
 * `config/sharing-agreements.json`), never by the area a resolver happens to be in.
 */

/** What an access rule needs to know about a record, whatever index it comes from. */
export interface RecordTraits {
  /** The responsible municipality's code; null for national data no municipality activates. */
  municipality: string | null;
  kle: string | null;
  sourceSystem: string | null;
  /** The case the record is (or belongs to), for case-bound proxies. */
  caseId: string | null;
  /** The citizen objected to sharing the record with other authorities. */
  sharingObjected: boolean;
  /** The authority that holds an appointment (a hospital's region, or the municipality); null for other records. */
  holder: string | null;
}

export type Verdict =
  | { show: true }
  /** Not this caller's business at all (outside a proxy's grant, another municipality's staff): never mentioned. */
  | { show: false; reason: 'OUTSIDE_GRANT' }
  | { show: false; reason: 'NOT_ACTIVATED' }
  | { show: false; reason: 'AGE_LIMIT'; minimumAge: number; kle: string | null };
type Withheld = Exclude<Verdict, { show: true }>;

const municipalitySchema = z.object({
  name: z.string(),
  minimumAge: z.record(z.string(), z.number().int().min(0)),
  activated: z.object({ kle: z.array(z.string()), payments: z.boolean(), sourceSystems: z.array(z.string()) }),
});
const rulesSchema = z.object({
  defaultMinimumAge: z.number().int().min(0),
  /** A parent with custody of a minor: the areas read, and from which age of the child what the youth rule shows the child is the child's alone. */
  custody: z.object({ areas: z.array(z.enum(areaNames)), childsOwnFromAge: z.number().int().min(0) }),
  municipalities: z.record(z.string(), municipalitySchema),
});
export type AccessRules = z.infer<typeof rulesSchema>;

/** The rule table is configuration data, validated at start. */
export const accessRules: AccessRules = rulesSchema.parse(rulesFile);
/** Which partner organisations each appointment source system shares with, by agreement. */
const sharedWith: Record<string, string[]> = z.record(z.string(), z.array(z.string())).parse(agreementsFile.sourceSystems);
/** Each partner organisation's own authority code: it reads a citizen's shared records only while it holds a course of theirs. */
const partnerAuthority: Record<string, string> = z.record(z.string(), z.object({ authority: z.string() })).transform((organisations) =>
  Object.fromEntries(Object.entries(organisations).map(([organisation, { authority }]) => [organisation, authority])),
).parse(agreementsFile.organisations);

const prefixes = (kle: string) => kle.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'));

/** Most specific KLE prefix wins; a record without a KLE, or without a rule, gets the default (18). */
export function minimumAge(rules: AccessRules, municipality: string | null, kle: string | null): number {
  const table = (municipality && rules.municipalities[municipality]?.minimumAge) || {};
  const specific = kle === null ? undefined : prefixes(kle).reverse().find((prefix) => table[prefix] !== undefined);
  return specific ? table[specific] : rules.defaultMinimumAge;
}

/** A municipality shows citizens only what it has verified and activated; unknown ones nothing. */
export function isActivated(rules: AccessRules, area: Area, traits: RecordTraits): boolean {
  if (traits.municipality === null) return true;
  const activated = rules.municipalities[traits.municipality]?.activated;
  if (!activated) return false;
  if (area === 'payments') return activated.payments;
  if (traits.sourceSystem !== null) return activated.sourceSystems.includes(traits.sourceSystem);
  if (traits.kle !== null) return prefixes(traits.kle).some((prefix) => activated.kle.includes(prefix));
  return true;
}

/**
 * The ways into a citizen's records, each with the callers it admits: the overview
 * (`me`, `verificationCitizen`), the chatbot's citizen context, and a partner's shared appointments.
 */
export type View = 'overview' | 'context' | 'shared';
const viewers: Record<View, readonly InternalContext['callerKind'][]> = {
  overview: ['citizen', 'proxy', 'staff', 'service'],
  context: ['citizen', 'chatbot'],
  shared: ['partner'],
};
const contextAreas: readonly Area[] = ['cases', 'payments', 'appointments'];

/**
 * Where the young person's own view is concerned (themselves, their chatbot, or a service on their
 * own consent), the age limit applies: a consent lets a service see no more than the citizen.
 */
const seesOwnData = (caller: InternalContext) => caller.callerKind === 'citizen' || caller.callerKind === 'chatbot' || caller.callerKind === 'service';

/** Rules about the data itself, whoever reads it: staff see their municipality's; others what is activated and old enough. */
function dataRule(rules: AccessRules, area: Area, traits: RecordTraits, caller: InternalContext, today: Date): Verdict {
  if (caller.callerKind === 'staff') {
    return traits.municipality === caller.staffMunicipality ? { show: true } : { show: false, reason: 'OUTSIDE_GRANT' };
  }
  if (!isActivated(rules, area, traits)) return { show: false, reason: 'NOT_ACTIVATED' };
  if (caller.subjectCpr !== null && seesOwnData(caller)) {
    const required = minimumAge(rules, traits.municipality, traits.kle);
    if (ageFromCpr(caller.subjectCpr, today) < required) return { show: false, reason: 'AGE_LIMIT', minimumAge: required, kle: traits.kle };
  }
  return { show: true };
}

/**
 * What the youth rule already shows a child old enough to keep it from a parent: a parent acting
 * under custody does not see it (a 16-year-old's own case about their education, say).
 */
function childsOwn(rules: AccessRules, traits: RecordTraits, caller: InternalContext, today: Date): boolean {
  if (caller.subjectCpr === null) return false;
  const age = ageFromCpr(caller.subjectCpr, today);
  return age >= rules.custody.childsOwnFromAge && age >= minimumAge(rules, traits.municipality, traits.kle);
}

/** Whether the caller's grant covers this record, in the view it reads through. */
function grantCovers(view: View, area: Area, traits: RecordTraits, caller: InternalContext, rules: AccessRules, today: Date): boolean {
  if (view === 'shared') {
    const organisation = caller.partnerOrganisation;
    return organisation !== null && !traits.sharingObjected && (sharedWith[traits.sourceSystem ?? ''] ?? []).includes(organisation);
  }
  if (view === 'context') return true;
  return caller.scopes.some(
    (scope) =>
      scope.areas.includes(area) &&
      (scope.caseId === null || scope.caseId === traits.caseId) &&
      !(scope.custody && childsOwn(rules, traits, caller, today)),
  );
}

/** A change is made only under a context sealed for a mutation's fetch: a read's context cannot be replayed into one. */
export function requireChange(caller: InternalContext): void {
  if (!caller.mutation) throw appError('FORBIDDEN', { detail: 'error.changesByMutation' });
}

/** The caller's own CPR or CVR as a proxy holder, to list whom it may act for: citizens and organisations on their own login. */
export function holderOf(caller: InternalContext): string {
  const listsOwn = caller.callerKind === 'citizen' || caller.callerKind === 'organisation';
  if (!listsOwn || caller.holderId === null) throw appError('FORBIDDEN', { detail: 'error.ownLoginForRepresentations' });
  return caller.holderId;
}

/** The records an `Access` reads for its citizen: one loader per area, and the CPR register. */
export interface Sources {
  /** The citizen's pseudonymous id, under which what is shown of them is reported. */
  citizen: string;
  // Each area has its own record type; here they are only read through their descriptions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  loaders(area: Area): AreaLoaders<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  describe(area: Area): IndexDescription<any>;
  person(): Promise<WirePerson | null>;
}

interface Judged {
  verdict: Verdict;
  /** The record's own traits completed with what it inherits from the record it belongs to. */
  traits: RecordTraits;
}

export interface WithheldGroup {
  reason: Exclude<Withheld['reason'], 'OUTSIDE_GRANT'> | 'UNREADABLE';
  count: number;
  minimumAge: number | null;
  kle: string | null;
}

const normalise = (address: string) => address.toLowerCase().replace(/\s+/g, ' ').trim();

/** What a presented entity's link getters read: each link's record id when the caller may see it, else null, and whom to report a read to. */
const linkTargets = Symbol('link targets');

type Presented = Record<string, unknown> & { [linkTargets]?: { access: Access; targets: (string | null)[] } };

const presentedShapes = new WeakMap<IndexDescription<never>, { prototype: object; fields: Set<string> }>();

/**
 * Per area, the prototype of the entities it presents: each link a getter, read by GraphQL only
 * when the query selects the link and reported only then. On the prototype, all of an area's
 * entities share one hidden class; an accessor defined on each entity, with a closure of its own,
 * gave each entity a hidden class of its own, made in the old generation and holding that closure,
 * so every request's records outlived the young-generation collections after it ended.
 */
function presentedShape(description: IndexDescription<never>): { prototype: object; fields: Set<string> } {
  let shape = presentedShapes.get(description);
  if (!shape) {
    const prototype = {};
    description.links.forEach((link, index) => {
      Object.defineProperty(prototype, link.field, {
        enumerable: true,
        get(this: Presented) {
          const read = this[linkTargets];
          const id = read?.targets[index] ?? null;
          if (!read || id === null) return null;
          read.access.reveal(link.area, [id]);
          return { id };
        },
      });
    });
    shape = { prototype, fields: new Set(description.links.map((link) => link.field)) };
    presentedShapes.set(description, shape);
  }
  return shape;
}

/** One request's decisions about one citizen's records. */
export class Access {
  /** The data rules of each record met so far, with its lineage: a benefit is judged once for all its payments. */
  private readonly judgedData = new Map<string, Promise<Judged>>();

  constructor(
    private readonly caller: InternalContext,
    private readonly view: View,
    private readonly sources: Sources,
    private readonly today: Date,
    private readonly disclosures: Disclosures,
    private readonly rules: AccessRules = accessRules,
  ) {}

  /**
   * Reports records as sent to the caller, for the audit trail: every path that returns a
   * citizen's record (lists, references, links, summaries, addresses) passes through here.
   */
  reveal(area: string, ids?: readonly string[]): void {
    // An empty list shows none of the citizen's records; a fact without ids (an address) is shown.
    if (ids?.length === 0) return;
    this.disclosures.add(this.sources.citizen, area, ids);
  }

  /** Whether this caller may read the area at all through this view. */
  mayRead(area: Area): boolean {
    if (!this.viewAdmits()) return false;
    if (this.view === 'shared') return area === 'appointments';
    if (this.view === 'context') return contextAreas.includes(area);
    return this.caller.areas.includes(area);
  }

  requireArea(area: Area): void {
    this.requireView();
    if (!this.mayRead(area)) throw appError('FORBIDDEN_AREA', { area });
  }

  /** Refuses callers this view is not made for (a chatbot's overview, a partner's citizen context). */
  requireView(): void {
    if (!this.viewAdmits()) throw appError('FORBIDDEN');
  }

  private viewAdmits(): boolean {
    return viewers[this.view].includes(this.caller.callerKind);
  }

  /** The verdict on one record for this caller: its grant, then the rules on it and on what it belongs to. */
  async judge<R>(area: Area, record: R): Promise<Judged> {
    const { verdict, traits } = await this.judgeData(area, record);
    if (!grantCovers(this.view, area, traits, this.caller, this.rules, this.today)) return { verdict: { show: false, reason: 'OUTSIDE_GRANT' }, traits };
    return { verdict, traits };
  }

  private judgeData<R>(area: Area, record: R): Promise<Judged> {
    const key = `${area}:${this.sources.describe(area).idOf(record)}`;
    let judged = this.judgedData.get(key);
    if (!judged) {
      judged = this.inherit(area, record);
      this.judgedData.set(key, judged);
    }
    return judged;
  }

  /** A record the parent of which is withheld is withheld for the same reason; otherwise it takes on the parent's KLE and case. */
  private async inherit<R>(area: Area, record: R): Promise<Judged> {
    const description = this.sources.describe(area);
    const own = description.traits(record);
    const parentLink = description.links.find((link) => link.inherits);
    const parentId = parentLink?.idOf(record) ?? null;
    const parent = parentLink && parentId !== null ? await this.sources.loaders(parentLink.area).byId.load(parentId) : null;
    if (!parentLink || !parent) return { verdict: dataRule(this.rules, area, own, this.caller, this.today), traits: own };
    const inherited = await this.judgeData(parentLink.area, parent);
    const traits = { ...own, kle: own.kle ?? inherited.traits.kle, caseId: own.caseId ?? inherited.traits.caseId };
    if (!inherited.verdict.show) return { verdict: inherited.verdict, traits };
    return { verdict: dataRule(this.rules, area, traits, this.caller, this.today), traits };
  }

  /** The citizen's records in an area that this caller may see. */
  async visible<R>(area: Area): Promise<R[]> {
    this.requireArea(area);
    const records: R[] = await this.sources.loaders(area).mine();
    if (this.view === 'shared' && !this.partnerHoldsCourse(area, records)) return [];
    const verdicts = await Promise.all(records.map((record) => this.judge(area, record)));
    return records.filter((_, index) => verdicts[index].verdict.show);
  }

  /**
   * A partner reads what is shared with it only while it has a course with the citizen: it holds
   * one of their records (a region, a hospital appointment). Without one, the answer is the same
   * as for a CPR number nobody knows: nothing.
   */
  private partnerHoldsCourse<R>(area: Area, records: R[]): boolean {
    const authority = this.caller.partnerOrganisation === null ? undefined : partnerAuthority[this.caller.partnerOrganisation];
    const description = this.sources.describe(area);
    return authority !== undefined && records.some((record) => description.traits(record).holder === authority);
  }

  /** How old the area's records are, whether they are a stale copy because the index failed, and per source system where there are several. */
  async freshness(area: Area): Promise<{ asOf: number; stale: boolean; sources: SourceFreshness[] | null }> {
    this.requireArea(area);
    const { asOf, stale, sources } = await this.sources.loaders(area).searched();
    return { asOf, stale, sources: sources ?? null };
  }

  /** One record by id, or null when it is not the citizen's or not for this caller. */
  async byId<R>(area: Area, id: string): Promise<R | null> {
    if (!this.mayRead(area)) return null;
    const record: R | null = await this.sources.loaders(area).byId.load(id);
    return record !== null && (await this.judge(area, record)).verdict.show ? record : null;
  }

  /**
   * The entity as this caller may see it: every link to a record it may not see is null (so no link
   * leads to a refusal), and every address field holding a protected address is null.
   */
  async present<R, E extends object>(area: Area, record: R, entity: E): Promise<E> {
    const description = this.sources.describe(area);
    const { prototype, fields } = presentedShape(description);
    const targets: (string | null)[] = [];
    for (const link of description.links) {
      const id = link.idOf(record);
      targets.push(id !== null && (await this.byId(link.area, id)) !== null ? id : null);
    }
    const presented: Presented = Object.create(prototype);
    for (const [field, value] of Object.entries(entity)) if (!fields.has(field)) presented[field] = value;
    presented[linkTargets] = { access: this, targets };
    for (const [field, key] of description.addresses ?? []) {
      const holder = presented[field] as Record<string, string | null> | null;
      if (holder) presented[field] = { ...holder, [key]: await this.address(holder[key]) };
    }
    this.reveal(area, [description.idOf(record)]);
    return presented as E;
  }

  /**
   * What exists but is not shown, grouped by reason, so the citizen is told why rather than seeing a
   * silent gap. Records outside the caller's grant are not mentioned: they are not its business.
   */
  async withheld(area: Area): Promise<WithheldGroup[]> {
    this.requireArea(area);
    const groups = new Map<string, WithheldGroup>();
    const records = await this.sources.loaders(area).mine();
    // Judged together, so their parents' look-ups share one batch.
    for (const { verdict } of await Promise.all(records.map((record) => this.judge(area, record)))) {
      if (verdict.show || verdict.reason === 'OUTSIDE_GRANT') continue;
      const kle = verdict.reason === 'AGE_LIMIT' ? verdict.kle : null;
      const key = `${verdict.reason}:${kle ?? ''}`;
      const group = groups.get(key) ?? { reason: verdict.reason, count: 0, minimumAge: verdict.reason === 'AGE_LIMIT' ? verdict.minimumAge : null, kle };
      group.count += 1;
      groups.set(key, group);
    }
    // Records a source sent that could not be read belong to nothing the rules can judge: only a
    // caller whose grant covers the whole area hears of them.
    const { unreadable = 0 } = await this.sources.loaders(area).searched();
    const wholeArea = this.caller.scopes.some((scope) => scope.caseId === null && scope.areas.includes(area));
    if (unreadable > 0 && wholeArea) groups.set('UNREADABLE', { reason: 'UNREADABLE', count: unreadable, minimumAge: null, kle: null });
    return [...groups.values()];
  }

  /** For verification staff: the ids of shown records the municipality has not activated for citizens. */
  async notActivated(area: Area): Promise<string[]> {
    const description = this.sources.describe(area);
    const shown = await this.visible(area);
    const judged = await Promise.all(shown.map((record) => this.judge(area, record)));
    const ids = shown.filter((_, index) => !isActivated(this.rules, area, judged[index].traits)).map((record) => description.idOf(record));
    this.reveal(area, ids);
    return ids;
  }

  /**
   * A protected address (CPR act §28) is the citizen's alone: never shown to anyone acting for
   * them, a chatbot, a partner or staff, also not as the place of an appointment.
   */
  async address(text: string | null): Promise<string | null> {
    if (text === null || this.caller.callerKind === 'citizen') return text;
    const person = await this.sources.person();
    if (person === null) return null;
    return person.adressebeskyttet && normalise(text) === normalise(person.adresse) ? null : text;
  }

  /** The citizen's own address from the CPR register, as `address` allows it. */
  async ownAddress(): Promise<string | null> {
    this.requireView();
    // A consent covers data areas, not where the citizen lives.
    if (this.caller.callerKind === 'service') return null;
    const person = await this.sources.person();
    const shown = person === null ? null : await this.address(person.adresse);
    if (shown !== null) this.reveal('address');
    return shown;
  }
}
