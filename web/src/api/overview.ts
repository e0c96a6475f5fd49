import { MitOverblikDocument, type MitOverblikQuery } from '../../../clients/generated/graphql';
import type { PageConfig } from '../config';
import { areaKeys, type AreaKey } from '../text/areas';
import { runPersisted, type GraphQLError } from './persisted';

type Me = MitOverblikQuery['me'];
type Item<K extends AreaKey> = NonNullable<Me[K]>[number];
/** How current an area is; `sources` only for the appointments' source systems. */
export type Freshness = NonNullable<Me['casesFreshness']> & { sources?: NonNullable<Me['appointmentsFreshness']>['sources'] };
export type Withheld = NonNullable<Me['casesWithheld']>[number];

/**
 * One area as the page shows it. A partial answer is normal: an index that fails or is slow leaves
 * its area null with an error and the others as they are; a proxy's grant may not cover an area.
 */
export type AreaState<T> =
  | { status: 'shown'; items: readonly T[]; freshness: Freshness | null; withheld: Withheld[] }
  | { status: 'failed' }
  | { status: 'refused' };

export type Overview = { citizenId: string } & { [K in AreaKey]: AreaState<Item<K>> };

/** The area an error is about: the field it is on (`payments`, `paymentsFreshness`, …), else the area it names. */
function areaOf(error: GraphQLError): AreaKey | undefined {
  const field = error.path?.[1];
  const named = typeof field === 'string' ? areaKeys.find((area) => field === area || field.startsWith(area)) : undefined;
  return named ?? areaKeys.find((area) => area === error.extensions?.area);
}

const refusals = new Set(['FORBIDDEN_AREA', 'FORBIDDEN']);

export async function loadOverview(config: PageConfig, accessToken: string): Promise<Overview> {
  const { data, errors } = await runPersisted(config, accessToken, MitOverblikDocument, {});
  const me = data!.me;
  const state = <K extends AreaKey>(area: K, freshness: Freshness | null, withheld: Withheld[] | null): AreaState<Item<K>> => {
    const items = me[area] as readonly Item<K>[] | null;
    if (items) return { status: 'shown', items, freshness, withheld: withheld ?? [] };
    const refused = errors.some((error) => areaOf(error) === area && refusals.has(error.extensions?.code ?? ''));
    return refused ? { status: 'refused' } : { status: 'failed' };
  };
  return {
    citizenId: me.id,
    cases: state('cases', me.casesFreshness, me.casesWithheld),
    benefits: state('benefits', me.benefitsFreshness, me.benefitsWithheld),
    payments: state('payments', me.paymentsFreshness, me.paymentsWithheld),
    appointments: state('appointments', me.appointmentsFreshness, me.appointmentsWithheld),
    // Deadlines come from the appointments' source systems, and are as fresh as they are.
    deadlines: state('deadlines', me.appointmentsFreshness, null),
  };
}
