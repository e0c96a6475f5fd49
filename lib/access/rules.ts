import { z } from 'zod';
import rulesFile from '../../config/access-rules.json';
import { ageFromCpr } from '../cpr';
import type { Area } from '../errors';
import type { InternalContext } from '../internal-context';

/** What an access rule needs to know about a record, whatever index it comes from. */
export interface RecordTraits {
  /** The responsible municipality's code; null for national data no municipality activates. */
  municipality: string | null;
  kle: string | null;
  sourceSystem: string | null;
  /** The case the record is (or belongs to), for case-bound proxies. */
  caseId: string | null;
}

export type Verdict =
  | { show: true }
  /** Not this caller's business at all (outside a proxy's case, another municipality's staff). */
  | { show: false; reason: 'OUTSIDE_BOUND_CASE' }
  | { show: false; reason: 'NOT_ACTIVATED' }
  | { show: false; reason: 'AGE_LIMIT'; minimumAge: number; kle: string };

const municipalitySchema = z.object({
  name: z.string(),
  minimumAge: z.record(z.string(), z.number().int().min(0)),
  activated: z.object({ kle: z.array(z.string()), payments: z.boolean(), sourceSystems: z.array(z.string()) }),
});
const rulesSchema = z.object({
  defaultMinimumAge: z.number().int().min(0),
  municipalities: z.record(z.string(), municipalitySchema),
});
export type AccessRules = z.infer<typeof rulesSchema>;

/** The rule table is configuration data (config/access-rules.json), validated at start. */
export const accessRules: AccessRules = rulesSchema.parse(rulesFile);

const prefixes = (kle: string) => kle.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.'));

/** Most specific KLE prefix wins; no rule means the default (18). */
export function minimumAge(rules: AccessRules, municipality: string | null, kle: string): number {
  const table = (municipality && rules.municipalities[municipality]?.minimumAge) || {};
  const specific = prefixes(kle).reverse().find((prefix) => table[prefix] !== undefined);
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

/** The young person's own view (themselves or their chatbot) is where the age limit applies. */
const seesOwnData = (caller: InternalContext) => caller.callerKind === 'citizen' || caller.callerKind === 'chatbot';

export function judge(rules: AccessRules, area: Area, traits: RecordTraits, caller: InternalContext, today: Date): Verdict {
  // Verification staff see their own municipality's records, activated or not, to verify them.
  if (caller.callerKind === 'staff') {
    return traits.municipality === caller.staffMunicipality ? { show: true } : { show: false, reason: 'OUTSIDE_BOUND_CASE' };
  }
  if (caller.boundCaseId !== null && traits.caseId !== caller.boundCaseId) return { show: false, reason: 'OUTSIDE_BOUND_CASE' };
  if (!isActivated(rules, area, traits)) return { show: false, reason: 'NOT_ACTIVATED' };
  if (traits.kle !== null && caller.subjectCpr !== null && seesOwnData(caller)) {
    const required = minimumAge(rules, traits.municipality, traits.kle);
    if (ageFromCpr(caller.subjectCpr, today) < required) {
      return { show: false, reason: 'AGE_LIMIT', minimumAge: required, kle: traits.kle };
    }
  }
  return { show: true };
}
