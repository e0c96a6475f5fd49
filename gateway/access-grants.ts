import { Ctx, Field, FieldResolver, ObjectType, registerEnumType, Resolver, Root, type NonEmptyArray } from 'type-graphql';
import rulesFile from '../config/access-rules.json';
import { ageFromCpr } from '../lib/cpr';
import { danishDate } from '../lib/danish-date';
import { appError } from '../lib/errors';
import { say } from '../lib/i18n/messages';
import { externalService } from '../lib/external-services';
import type { WirePerson } from '../lib/person.contract';
import { LocalDate } from '../lib/scalars';
import type { WireCase } from '../subgraphs/cases/upstream.contract';
import { areasOf, stateOn } from '../subgraphs/proxies/proxy-rules';
import type { WireProxy } from '../subgraphs/proxies/upstream.contract';
import { Citizen } from './audit/access-log';
import { adulthood } from './auth/custody';
import type { StoredConsent } from './consent/consent-store';
import type { GatewayContext } from './context';

export enum AccessGrantKind {
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY',
  GUARDIANSHIP = 'GUARDIANSHIP',
  FUTURE_POWER_OF_ATTORNEY = 'FUTURE_POWER_OF_ATTORNEY',
  PARENT = 'PARENT',
  CONSENT = 'CONSENT',
}
registerEnumType(AccessGrantKind, {
  name: 'AccessGrantKind',
  description: "On what someone may see the citizen's data.",
  valuesConfig: {
    POWER_OF_ATTORNEY: { description: 'A proxy the citizen granted (Digital Fuldmagt).' },
    GUARDIANSHIP: { description: 'A guardianship the authorities decided.' },
    FUTURE_POWER_OF_ATTORNEY: { description: 'A lasting power of attorney, once put in force.' },
    PARENT: { description: 'A parent with custody of the minor citizen (the CPR register).' },
    CONSENT: { description: "An external service on the citizen's consent." },
  },
});

@ObjectType({ description: "Someone who may see the citizen's data, on what, for which areas and until when." })
export class AccessGrant {
  @Field(() => AccessGrantKind)
  kind!: AccessGrantKind;

  @Field({ description: 'Who: the holder, the parent or the service, by name.' })
  who!: string;

  @Field(() => [String], { description: 'The data areas it covers.' })
  areas!: string[];

  @Field(() => String, { nullable: true, description: 'For a proxy bound to one case: that case.' })
  caseId!: string | null;

  @Field({ description: 'True while it is waiting for the holder to accept it, or for its first day; false once in force.' })
  pending!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Its first day, where it has one.' })
  from!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Its last day, when it ends by itself; null while it runs until revoked or withdrawn.' })
  lastDay!: string | null;

  @Field({ description: 'How to end it, in plain words in the language asked for.' })
  howToEnd!: string;
}

/** Where the list comes from: Digital Fuldmagt, the case index (a proxy ends with its case), the CPR register and the consent store. */
export interface AccessGrantSource {
  proxies(subjectCpr: string, deadline: number): Promise<WireProxy[]>;
  cases(ids: string[], deadline: number): Promise<WireCase[]>;
  persons(cprs: string[], deadline: number): Promise<WirePerson[]>;
  consents(subjectId: string): Promise<StoredConsent[]>;
  pseudonym(cpr: string): string;
  now(): Date;
}

const proxyKinds: Record<WireProxy['type'], AccessGrantKind> = {
  FULDMAGT: AccessGrantKind.POWER_OF_ATTORNEY,
  VAERGEMAAL: AccessGrantKind.GUARDIANSHIP,
  FREMTIDSFULDMAGT: AccessGrantKind.FUTURE_POWER_OF_ATTORNEY,
};

/** The last day before a minor turns 18, when a parent's custody ends. */
function lastDayOfChildhood(cpr: string, now: Date): string {
  const birthday18 = Date.UTC(now.getUTCFullYear() + adulthood - ageFromCpr(cpr, now), Number(cpr.slice(2, 4)) - 1, Number(cpr.slice(0, 2)));
  return new Date(birthday18 - 86_400_000).toISOString().slice(0, 10);
}

export function accessGrantsResolver(source: AccessGrantSource) {
  @Resolver(() => Citizen)
  class AccessGrantsResolver {
    @FieldResolver(() => [AccessGrant], {
      nullable: true,
      description:
        "Everyone who can see the citizen's data, side by side: proxies (also those waiting to be accepted), guardianships, parents with custody and external services on consent. The citizen's own login only.",
    })
    async accessGrants(@Root() citizen: { id: string }, @Ctx() context: GatewayContext): Promise<AccessGrant[]> {
      const { access, language, deadline } = context;
      if (access.callerKind !== 'citizen' || access.subjectCpr === null || source.pseudonym(access.subjectCpr) !== citizen.id) throw appError('FORBIDDEN');
      const subjectCpr = access.subjectCpr;
      const now = source.now();
      const today = danishDate(now);
      const [proxies, [subject], consents] = await Promise.all([source.proxies(subjectCpr, deadline), source.persons([subjectCpr], deadline), source.consents(citizen.id)]);
      const bound = [...new Set(proxies.flatMap((proxy) => (proxy.sagId === null ? [] : [proxy.sagId])))];
      const cases = new Map((bound.length === 0 ? [] : await source.cases(bound, deadline)).map((kase) => [kase.sagId, kase]));
      // One look-up for all the parents with custody, not one each.
      const parents = subject && ageFromCpr(subjectCpr, now) < adulthood ? await source.persons(subject.myndighedsindehavere, deadline) : [];

      const fromProxies = proxies.flatMap((proxy): AccessGrant[] => {
        const { status } = stateOn(proxy, today, proxy.sagId === null ? null : (cases.get(proxy.sagId) ?? null));
        if (status === 'ENDED') return [];
        return [
          {
            kind: proxyKinds[proxy.type],
            who: proxy.fuldmagtshaver.navn,
            areas: areasOf(proxy),
            caseId: proxy.sagId,
            pending: status !== 'IN_FORCE',
            from: proxy.gyldigFra,
            lastDay: proxy.gyldigTil,
            howToEnd: say(language, proxy.type === 'FULDMAGT' ? 'grant.revokeProxy' : 'grant.contactAuthority'),
          },
        ];
      });
      const fromParents = parents.map(
        (parent): AccessGrant => ({
          kind: AccessGrantKind.PARENT,
          who: parent.navn,
          areas: [...rulesFile.custody.areas],
          caseId: null,
          pending: false,
          from: null,
          lastDay: lastDayOfChildhood(subjectCpr, now),
          howToEnd: say(language, 'grant.custody'),
        }),
      );
      const fromConsents = consents
        .filter((consent) => consent.withdrawnAt === null && Date.parse(consent.validUntil) > now.getTime())
        .map(
          (consent): AccessGrant => ({
            kind: AccessGrantKind.CONSENT,
            who: externalService(consent.clientId)?.name ?? consent.clientId,
            areas: consent.areas,
            caseId: null,
            pending: false,
            from: consent.createdAt.slice(0, 10),
            lastDay: danishDate(new Date(consent.validUntil)),
            howToEnd: say(language, 'grant.withdrawConsent'),
          }),
        );
      const grants = [...fromProxies, ...fromParents, ...fromConsents];
      // Served here, so reported here: whose names and proxies this shows is the citizen's data.
      context.disclosures.add(citizen.id, 'accessGrants');
      return grants;
    }
  }
  return AccessGrantsResolver;
}

/** Composition needs the list's schema, never its data. */
export const schemaOnly: AccessGrantSource = {
  proxies: () => Promise.reject(new Error('schema only')),
  cases: () => Promise.reject(new Error('schema only')),
  persons: () => Promise.reject(new Error('schema only')),
  consents: () => Promise.reject(new Error('schema only')),
  pseudonym: () => '',
  now: () => new Date(),
};

/** The gateway's own subgraph with the list of access grants added. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withAccessGrants<T extends { resolvers: readonly Function[] }>(ownSubgraph: T, source: AccessGrantSource) {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers: NonEmptyArray<Function> = [accessGrantsResolver(source), ...ownSubgraph.resolvers];
  return { ...ownSubgraph, resolvers };
}
