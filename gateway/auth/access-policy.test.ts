import { gatewayConfig } from '../../lib/config';
import { citizenId } from '../../lib/pseudonym';
import { createAccessPolicy, type Refusal } from './access-policy';
import type { Grant } from './proxy-grants';
import type { VerifiedCaller } from './token-verifier';

const config = gatewayConfig({});
const citizenCpr = '1503721233';
const holderCpr = '1111652417';
const lawFirmCvr = '12345678';
const request = { deadline: Date.now() + 1000, requestId: 'req-1', namedCitizen: null };

const lawyersGrant: Grant = {
  proxyIds: ['FM-1'],
  scopes: [{ areas: ['cases', 'benefits'], caseId: 'SAG-1' }],
  areas: ['cases', 'benefits'],
  fullGuardian: false,
};

function policyWith(grant: Grant | null) {
  const refusals: Refusal[] = [];
  const decide = createAccessPolicy(config, { grantFor: async () => grant }, async (refusal) => void refusals.push(refusal));
  return { decide: (caller: VerifiedCaller) => decide(caller, request), refusals };
}

describe('the access policy', () => {
  it('lets a citizen read every area unbound, read the access log and list whom they act for', async () => {
    const { decide } = policyWith(null);
    expect(await decide({ kind: 'citizen', subjectCpr: citizenCpr, assurance: 'Substantial' })).toMatchObject({
      callerKind: 'citizen',
      areas: ['cases', 'benefits', 'payments', 'appointments', 'proxies'],
      scopes: [{ areas: ['cases', 'benefits', 'payments', 'appointments', 'proxies'], caseId: null }],
      mayReadAccessLog: true,
      holderId: citizenCpr,
    });
  });

  it("gives a person holder the merged grant's scopes under the pseudonym of its CPR", async () => {
    const { decide } = policyWith(lawyersGrant);
    const caller: VerifiedCaller = { kind: 'proxy', holder: { type: 'PERSON', cpr: holderCpr }, subjectCpr: citizenCpr, assurance: 'Substantial' };
    expect(await decide(caller)).toMatchObject({
      callerKind: 'proxy',
      actorId: citizenId(holderCpr, config.pseudonymKey),
      subjectCpr: citizenCpr,
      areas: lawyersGrant.areas,
      scopes: lawyersGrant.scopes,
      mayReadAccessLog: false,
      holderId: null,
    });
  });

  it('names an organisation holder by its CVR', async () => {
    const { decide } = policyWith(lawyersGrant);
    const caller: VerifiedCaller = { kind: 'proxy', holder: { type: 'ORGANISATION', cvr: lawFirmCvr }, subjectCpr: citizenCpr, assurance: 'Substantial' };
    expect((await decide(caller)).actorId).toBe(`org:${lawFirmCvr}`);
  });

  it('lets a full guardian read the access log', async () => {
    const { decide } = policyWith({ ...lawyersGrant, fullGuardian: true });
    const caller: VerifiedCaller = { kind: 'proxy', holder: { type: 'PERSON', cpr: holderCpr }, subjectCpr: citizenCpr, assurance: 'Substantial' };
    expect((await decide(caller)).mayReadAccessLog).toBe(true);
  });

  it('refuses a holder with no valid proxy and records the refusal', async () => {
    const { decide, refusals } = policyWith(null);
    const caller: VerifiedCaller = { kind: 'proxy', holder: { type: 'ORGANISATION', cvr: lawFirmCvr }, subjectCpr: citizenCpr, assurance: 'Substantial' };
    await expect(decide(caller)).rejects.toMatchObject({ extensions: { code: 'PROXY_NOT_VALID' } });
    expect(refusals).toEqual([{ requestId: 'req-1', callerKind: 'proxy', actorId: `org:${lawFirmCvr}`, subjectCpr: citizenCpr }]);
  });

  it("gives an organisation's own login no citizen and no areas, only whom it acts for", async () => {
    const { decide } = policyWith(null);
    expect(await decide({ kind: 'organisation', cvr: lawFirmCvr, assurance: 'Substantial' })).toEqual({
      callerKind: 'organisation',
      actorId: `org:${lawFirmCvr}`,
      subjectCpr: null,
      assurance: 'Substantial',
      areas: [],
      scopes: [],
      mayReadAccessLog: false,
      holderId: lawFirmCvr,
      partnerOrganisation: null,
      staffMunicipality: null,
    });
  });

  it("refuses an organisation's own login at low assurance and records the refusal", async () => {
    const { decide, refusals } = policyWith(null);
    await expect(decide({ kind: 'organisation', cvr: lawFirmCvr, assurance: 'Low' })).rejects.toMatchObject({
      extensions: { code: 'INSUFFICIENT_ASSURANCE' },
    });
    expect(refusals).toEqual([{ requestId: 'req-1', callerKind: 'organisation', actorId: `org:${lawFirmCvr}`, subjectCpr: null }]);
  });

  it('lets staff read the four data areas unbound but not the access log', async () => {
    const { decide } = policyWith(null);
    expect(await decide({ kind: 'staff', employeeId: 'e1', municipality: '740', assurance: 'High' })).toMatchObject({
      areas: ['cases', 'benefits', 'payments', 'appointments'],
      scopes: [{ areas: ['cases', 'benefits', 'payments', 'appointments'], caseId: null }],
      mayReadAccessLog: false,
      holderId: null,
    });
  });

  it('gives a chatbot no scopes', async () => {
    const { decide } = policyWith(null);
    expect(await decide({ kind: 'chatbot', clientId: 'aarhus-borgerbot', subjectCpr: citizenCpr, assurance: 'Substantial' })).toMatchObject({
      areas: [],
      scopes: [],
      mayReadAccessLog: false,
      holderId: null,
    });
  });
});
