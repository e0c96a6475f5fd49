import { createLocalJWKSet } from 'jose';
import { gatewayConfig } from '../../lib/config';
import { devPublicJwks, mintToken, type TokenSubject } from '../../mocks/identity/dev-issuer';
import type { ConsentOnRecord } from '../consent/consent-store';
import { callerKey } from '../rate-limit';
import { createAccessPolicy, type Refusal } from './access-policy';
import { createTokenVerifier, type VerifiedCaller } from './token-verifier';

const config = gatewayConfig({});
const verify = createTokenVerifier(config.auth, createLocalJWKSet(devPublicJwks));
const thomasCpr = '1503721233';
const consentId = '6f1c2a4e-8b0d-4c3e-9a51-2d7f0e3b9c11';
const budgetApp = (scopes: string[] = ['payments'], extraClaims?: Record<string, unknown>) =>
  mintToken({ kind: 'service', clientId: 'budget-app', consentId, scopes, subjectCpr: thomasCpr }, { extraClaims }).then((token) => `Bearer ${token}`);

describe("the token verifier, given an external service's token", () => {
  it('knows a registered service on a consent, with the areas its token names and no citizen', async () => {
    expect(await verify(await budgetApp(['payments', 'benefits']))).toEqual({ kind: 'service', clientId: 'budget-app', consentId, scopes: ['benefits', 'payments'] });
  });

  it('refuses a consent token of a client that is not a registered service', async () => {
    const token = await mintToken({ kind: 'service', clientId: 'aarhus-borgerbot', consentId, scopes: ['payments'], subjectCpr: thomasCpr });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses areas beyond what the service is registered for, and a token with none', async () => {
    await expect(verify(await budgetApp(['payments', 'cases']))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify(await budgetApp(['payments', 'citizen-context']))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify(await budgetApp([]))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a consent id beside a person, an organisation or an actor', async () => {
    for (const extra of [
      { [config.auth.cprClaim]: thomasCpr },
      { [config.auth.cvrClaim]: '12345678' },
      { act: { sub: 'someone', client_id: 'aarhus-borgerbot' } },
      { org_id: 'region-midtjylland' },
    ]) {
      await expect(verify(await budgetApp(['payments'], extra))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it("refuses a citizen's own token that also carries a consent id", async () => {
    const subject: TokenSubject = { kind: 'citizen', cpr: thomasCpr };
    const token = await mintToken(subject, { extraClaims: { consent_id: consentId, client_id: 'budget-app', scope: 'payments' } });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe("the access policy, given an external service's token", () => {
  const request = { deadline: Date.now() + 1000, requestId: 'req-1', namedCitizen: null };
  const inForce: ConsentOnRecord = {
    id: consentId,
    clientId: 'budget-app',
    subjectCpr: thomasCpr,
    areas: ['benefits', 'payments'],
    validUntil: new Date(Date.now() + 86_400_000),
    withdrawnAt: null,
  };
  const caller: VerifiedCaller = { kind: 'service', clientId: 'budget-app', consentId, scopes: ['payments'] };

  function policyWith(consent: ConsentOnRecord | null) {
    const refusals: Refusal[] = [];
    const decide = createAccessPolicy(config, { grantFor: async () => null }, async (refusal) => void refusals.push(refusal), { consentFor: async () => consent });
    return { decide: (who: VerifiedCaller) => decide(who, request), refusals };
  }

  it("reads for the consent's citizen only the areas both the consent and the token name, never the access log", async () => {
    expect(await policyWith(inForce).decide(caller)).toEqual({
      callerKind: 'service',
      actorId: 'service:budget-app',
      subjectCpr: thomasCpr,
      assurance: null,
      areas: ['payments'],
      scopes: [{ areas: ['payments'], caseId: null }],
      mayReadAccessLog: false,
      holderId: null,
      partnerOrganisation: null,
      staffMunicipality: null,
    });
  });

  it('refuses a withdrawn consent with CONSENT_NOT_VALID and records the refusal against its citizen', async () => {
    const { decide, refusals } = policyWith({ ...inForce, withdrawnAt: new Date() });
    await expect(decide(caller)).rejects.toMatchObject({ extensions: { code: 'CONSENT_NOT_VALID', http: { status: 403 } } });
    expect(refusals).toEqual([{ requestId: 'req-1', callerKind: 'service', actorId: 'service:budget-app', subjectCpr: thomasCpr }]);
  });

  it('refuses an expired consent', async () => {
    await expect(policyWith({ ...inForce, validUntil: new Date(Date.now() - 1000) }).decide(caller)).rejects.toMatchObject({ extensions: { code: 'CONSENT_NOT_VALID' } });
  });

  it('refuses an unknown consent, naming no citizen', async () => {
    const { decide, refusals } = policyWith(null);
    await expect(decide(caller)).rejects.toMatchObject({ extensions: { code: 'CONSENT_NOT_VALID' } });
    expect(refusals[0].subjectCpr).toBeNull();
  });

  it("refuses another service's consent, naming no citizen", async () => {
    const { decide, refusals } = policyWith({ ...inForce, clientId: 'other-app' });
    await expect(decide(caller)).rejects.toMatchObject({ extensions: { code: 'CONSENT_NOT_VALID' } });
    expect(refusals[0].subjectCpr).toBeNull();
  });

  it('refuses every service when the gateway has no consent store', async () => {
    const decide = createAccessPolicy(config, { grantFor: async () => null }, async () => undefined);
    await expect(decide(caller, request)).rejects.toMatchObject({ extensions: { code: 'CONSENT_NOT_VALID' } });
  });

  it("spends a budget of its own per citizen, as a chatbot does", async () => {
    const access = await policyWith(inForce).decide(caller);
    expect(callerKey(access)).toBe(`service:budget-app|${thomasCpr}`);
  });
});
