import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import clientNames from '../../config/clients.json';
import { danishDate } from '../../lib/danish-date';
import { appError } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n/messages';
import type { WireCase } from '../cases/upstream.contract';
import { requireChange } from '../runtime/access';
import type { SubgraphContext } from '../runtime/context';
import { toProxy } from './proxy.mapper';
import { Card, GrantProxyInput, Proxy } from './proxy.type';
import { createResponseSchema, proxiesIndex, type CreateRequest, type WireProxy } from './upstream.contract';

/** A CPR number as people write it: ten digits, perhaps with a dash after the birth date. */
const cprInput = /^(\d{6})-?(\d{4})$/;
const cvrInput = /^\d{8}$/;
const caseIdShape = /^[A-Za-z0-9-]{1,64}$/;
const idempotencyKeyShape = /^[A-Za-z0-9_-]{8,64}$/;

const cardCodes: Record<Card, WireProxy['kort'][number]> = { CASES: 'SAGER', BENEFITS: 'YDELSER', PAYMENTS: 'BETALINGER', APPOINTMENTS: 'AFTALER' };

/** Organisations that can hold proxies, by CVR number, with the name they are shown by (config/clients.json). */
const organisationNames: Record<string, string> = clientNames.organisations;

const refuse = (detail: MessageKey) => appError('BAD_USER_INPUT', { detail });

export type CheckedGrant = Omit<CreateRequest, 'cpr' | 'haver'> & { holder: { type: 'PERSON' | 'ORGANISATION'; id: string } };

/**
 * The grant as Digital Fuldmagt is to register it, or BAD_USER_INPUT for the first thing wrong
 * with it; checked before any index is asked. No message repeats what was sent: a holder's CPR
 * number is never echoed.
 */
export function checkedGrant(input: GrantProxyInput, today: string, principalCpr: string): CheckedGrant {
  const holderCpr = input.holderCpr ?? '';
  const holderCvr = input.holderCvr ?? '';
  if ((holderCpr === '') === (holderCvr === '')) throw refuse('error.proxyHolderOne');
  let holder: CheckedGrant['holder'];
  if (holderCpr !== '') {
    const cpr = cprInput.exec(holderCpr.trim());
    if (!cpr) throw refuse('error.proxyHolderShape');
    holder = { type: 'PERSON', id: `${cpr[1]}${cpr[2]}` };
    if (holder.id === principalCpr) throw refuse('error.proxyToYourself');
  } else {
    if (!cvrInput.test(holderCvr.trim())) throw refuse('error.proxyHolderShape');
    holder = { type: 'ORGANISATION', id: holderCvr.trim() };
  }
  if (input.cards.length === 0) throw refuse('error.proxyCards');
  const gyldigFra = input.validFrom ?? today;
  if (gyldigFra < today) throw refuse('error.proxyStartsInPast');
  const gyldigTil = input.validTo ?? null;
  if (gyldigTil !== null && gyldigTil < gyldigFra) throw refuse('error.proxyEndsBeforeStart');
  const sagId = input.caseId ?? null;
  if (sagId !== null && !caseIdShape.test(sagId)) throw refuse('error.proxyCaseNotYours');
  const idempotensnoegle = input.idempotencyKey ?? null;
  if (idempotensnoegle !== null && !idempotencyKeyShape.test(idempotensnoegle)) throw refuse('error.idempotencyKeyShape');
  // In the schema's order, each once.
  const kort = Object.values(Card)
    .filter((card) => input.cards.includes(card))
    .map((card) => cardCodes[card]);
  return { holder, kort, gyldigFra, gyldigTil, sagId, idempotensnoegle };
}

@Resolver()
export class GrantProxyResolver {
  @Mutation(() => Proxy, {
    description:
      "Grants a power of attorney in Digital Fuldmagt: to a person (CPR) or an organisation (CVR), for some cards, for a period, optionally bound to one of your open cases. It is PENDING, letting the holder do nothing, until the holder accepts it (`acceptProxy`). Only the citizen, logged in as themself, may grant. Send the input in a POST's variables; `idempotencyKey` makes a retry return the same proxy.",
  })
  async grantProxy(
    @Ctx() context: SubgraphContext,
    @Arg('input', () => GrantProxyInput, { description: 'Who may act for you, on what, and for how long.' }) input: GrantProxyInput,
  ): Promise<Proxy> {
    requireChange(context.caller);
    const principal = context.caller.subjectCpr;
    // Not someone acting for the citizen (a proxy, a chatbot), nor a partner or staff: the citizen alone.
    if (context.caller.callerKind !== 'citizen' || principal === null || context.subjectId === null) {
      throw appError('FORBIDDEN', { detail: 'error.grantOwnLogin' });
    }
    const access = context.access('overview');
    access.requireArea('proxies');
    const grant = checkedGrant(input, danishDate(context.today), principal);
    if (grant.sagId !== null) {
      // Through the access rules, as the citizen sees their cases: their own, and open.
      const bound = await access.byId<WireCase>('cases', grant.sagId);
      if (bound === null || bound.afsluttet !== null) throw refuse('error.proxyCaseNotYours');
    }
    const navn = grant.holder.type === 'PERSON' ? (await context.person(grant.holder.id))?.navn : organisationNames[grant.holder.id];
    if (!navn) throw refuse('error.proxyHolderUnknown');

    const request: CreateRequest = {
      cpr: principal,
      haver: { ...grant.holder, navn },
      kort: grant.kort,
      gyldigFra: grant.gyldigFra,
      gyldigTil: grant.gyldigTil,
      sagId: grant.sagId,
      idempotensnoegle: grant.idempotensnoegle,
    };
    // With a key, Digital Fuldmagt answers a repeat with the proxy it made: safe to send again.
    const answer = await context.changes.post(proxiesIndex.create, request, createResponseSchema, { idempotent: grant.idempotensnoegle !== null });
    if (answer.fejlkode === 'NOEGLE_GENBRUGT') throw refuse('error.idempotencyKeyReused');
    const created = answer.fuldmagter[0];
    if (!created || created.fuldmagtsgiver.cpr !== principal) throw appError('UPSTREAM_BAD_RESPONSE', { area: 'proxies' });
    // The cached list of proxies would not show it yet.
    await context.forget();
    return access.present('proxies', created, toProxy(created, context.reader));
  }
}
