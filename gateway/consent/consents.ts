import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Resolver, Root, type NonEmptyArray } from 'type-graphql';
import { appError } from '../../lib/errors';
import { externalService, withinService } from '../../lib/external-services';
import { DateTime } from '../../lib/scalars';
import { Citizen } from '../audit/access-log';
import type { GatewayContext } from '../context';
import { consentIdPattern, type ConsentStore, type StoredConsent } from './consent-store';

/**
 * A citizen's consents for external services, served by the gateway's own in-process subgraph
 * beside the access log and the calendar links (the consents live in the same database):
 * `Citizen.consents`, `grantConsent` and `withdrawConsent`. A service gets a consent through the
 * authorization-code flow at the identity provider, which grants it on the citizen's own login
 * (mocks/identity/ in development); the access policy checks it on every request of the service.
 */
@ObjectType({
  description:
    "The citizen's consent that an external service (a registered OAuth client) reads some of their data areas, for a purpose, until a date or until withdrawn.",
})
export class Consent {
  @Field(() => ID, { description: "The consent's id, to withdraw it by." })
  id!: string;

  @Field({ description: "The service's client id." })
  serviceId!: string;

  @Field({ description: "The service's name, as it is registered." })
  service!: string;

  @Field(() => [String], { description: 'The data areas the service may read: `cases`, `benefits`, `payments`, `appointments`.' })
  areas!: string[];

  @Field({ description: 'Why the service reads them, as it was told the citizen.' })
  purpose!: string;

  @Field(() => DateTime, { description: 'When the citizen gave it.' })
  createdAt!: string;

  @Field(() => DateTime, { description: 'When it ends by itself.' })
  validUntil!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it was withdrawn (or replaced by a newer consent for the same service); null while it was not.' })
  withdrawnAt!: string | null;

  @Field({ description: 'Whether the service may read with it now: not withdrawn, not expired.' })
  inForce!: boolean;
}

/** What the resolvers need from the gateway. */
export interface ConsentSource {
  store: Pick<ConsentStore, 'grant' | 'forSubject' | 'withdraw'>;
  pseudonym(cpr: string): string;
  /** A withdrawn or replaced consent is refused at once on this replica (others within CONSENT_CACHE_MS). */
  forget(ids: readonly string[]): void;
  now?(): Date;
}

const maxPurposeLength = 300;

/** Consents are the citizen's own decision: only the citizen, on their own login, gives, lists or withdraws them. */
function ownCitizen(context: GatewayContext, source: ConsentSource): { subjectId: string; subjectCpr: string } {
  const { access } = context;
  if (access.callerKind !== 'citizen' || !access.subjectCpr) throw appError('FORBIDDEN', { detail: 'error.consentOwnLogin' });
  return { subjectId: source.pseudonym(access.subjectCpr), subjectCpr: access.subjectCpr };
}

/** As a subgraph makes no change under a context sealed without the mutation flag (decision 0002). */
function requireMutation(info: GraphQLResolveInfo): void {
  if (info.operation.operation !== 'mutation') throw appError('FORBIDDEN', { detail: 'error.changesByMutation' });
}

function toConsent(stored: StoredConsent, now: Date): Consent {
  return {
    ...stored,
    serviceId: stored.clientId,
    service: externalService(stored.clientId)?.name ?? stored.clientId,
    inForce: stored.withdrawnAt === null && Date.parse(stored.validUntil) > now.getTime(),
  };
}

export function consentResolvers(source: ConsentSource) {
  const now = () => source.now?.() ?? new Date();

  @Resolver(() => Citizen)
  class ConsentsResolver {
    @FieldResolver(() => [Consent], {
      nullable: true,
      description:
        "The external services the citizen has let read their data, newest first, in force, withdrawn and expired alike. Only the citizen themself sees them.",
    })
    async consents(@Root() citizen: { id: string }, @Ctx() context: GatewayContext): Promise<Consent[]> {
      const { subjectId } = ownCitizen(context, source);
      if (citizen.id !== subjectId) throw appError('FORBIDDEN', { detail: 'error.consentOwnLogin' });
      const consents = await source.store.forSubject(subjectId);
      // Served here rather than by a subgraph, so reported here (as the access log is).
      context.disclosures.add(
        subjectId,
        'consents',
        consents.map((consent) => consent.id),
      );
      return consents.map((consent) => toConsent(consent, now()));
    }
  }

  @Resolver()
  class ConsentMutations {
    @Mutation(() => Consent, {
      description:
        "Lets a registered external service read some of your data areas for a number of days. Only within what the service is registered for (its areas, its longest period); a newer consent for the same service replaces the one in force. Only the citizen themself, on their own login, may give one: the identity provider's consent page calls this on the citizen's behalf.",
    })
    async grantConsent(
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('clientId', { description: "The service's client id." }) clientId: string,
      @Arg('areas', () => [String], { description: 'The data areas: `cases`, `benefits`, `payments`, `appointments`.' }) areas: string[],
      @Arg('days', () => Int, { description: 'For how many days from now (at most what the service is registered for).' }) days: number,
      @Arg('purpose', { description: `Why the service reads them (1-${maxPurposeLength} characters), as the citizen was told.` }) purpose: string,
    ): Promise<Consent> {
      requireMutation(info);
      const { subjectId, subjectCpr } = ownCitizen(context, source);
      const service = externalService(clientId);
      if (!service) throw appError('BAD_USER_INPUT', { detail: 'error.consentUnknownService' });
      const within = areas.length === 0 ? null : withinService(service, areas);
      if (!within) throw appError('BAD_USER_INPUT', { detail: 'error.consentAreas', params: { areas: service.areas.join(', ') } });
      if (!Number.isInteger(days) || days < 1 || days > service.maxDays) {
        throw appError('BAD_USER_INPUT', { detail: 'error.consentDays', params: { max: service.maxDays } });
      }
      const reason = purpose.trim();
      // Plain text only: it is shown to the citizen again, in their list of consents.
      // eslint-disable-next-line no-control-regex
      if (reason.length === 0 || reason.length > maxPurposeLength || /[\u0000-\u001f\u007f]/.test(reason)) {
        throw appError('BAD_USER_INPUT', { detail: 'error.consentPurpose', params: { max: maxPurposeLength } });
      }
      const { consent, replaced } = await source.store.grant(subjectId, subjectCpr, { clientId, areas: within, days, purpose: reason });
      source.forget(replaced);
      context.disclosures.add(subjectId, 'consents', [consent.id, ...replaced]);
      return toConsent(consent, now());
    }

    @Mutation(() => Boolean, {
      description:
        'Withdraws one of your consents: the service is refused from its next request on (within a few seconds). True when this withdrew it, false when it was withdrawn already. Only the citizen themself may withdraw.',
    })
    async withdrawConsent(
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('id', () => ID, { description: "The consent's id." }) id: string,
    ): Promise<boolean> {
      requireMutation(info);
      const { subjectId } = ownCitizen(context, source);
      // Another citizen's consent, or an id that was never one, is not found alike.
      const outcome = consentIdPattern.test(id) ? await source.store.withdraw(subjectId, id) : 'unknown';
      if (outcome === 'unknown') throw appError('NOT_FOUND');
      source.forget([id]);
      context.disclosures.add(subjectId, 'consents', [id]);
      return outcome === 'withdrawn';
    }
  }

  return [ConsentsResolver, ConsentMutations] as const;
}

/** Composition needs the consents' schema, never their data. */
export const schemaOnly: ConsentSource = {
  store: {
    grant: () => Promise.reject(new Error('schema only')),
    forSubject: () => Promise.reject(new Error('schema only')),
    withdraw: () => Promise.reject(new Error('schema only')),
  },
  pseudonym: () => '',
  forget: () => undefined,
};

/** The gateway's own subgraph with the consents' resolvers added. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withConsents<T extends { resolvers: readonly Function[] }>(ownSubgraph: T, source: ConsentSource) {
  const [consentsResolver, mutations] = consentResolvers(source);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers: NonEmptyArray<Function> = [consentsResolver, mutations, ...ownSubgraph.resolvers];
  return { ...ownSubgraph, resolvers };
}
