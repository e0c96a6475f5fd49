import { createLocalJWKSet } from 'jose';
import { gatewayConfig } from '../../lib/config';
import { devPublicJwks, mintToken, type TokenSubject } from '../../mocks/identity/dev-issuer';
import { createTokenVerifier } from './token-verifier';

const verify = createTokenVerifier(gatewayConfig({}).auth, createLocalJWKSet(devPublicJwks));
const bearer = async (subject: TokenSubject, extraClaims?: Record<string, unknown>) => `Bearer ${await mintToken(subject, { extraClaims })}`;

const citizenCpr = '1503721233';
const holderCpr = '1111652417';
const lawFirmCvr = '12345678';

describe('the token verifier', () => {
  it('knows a person acting for a citizen as a proxy holder by CPR', async () => {
    expect(await verify(await bearer({ kind: 'proxy', holderCpr, subjectCpr: citizenCpr }))).toEqual({
      kind: 'proxy',
      holder: { type: 'PERSON', cpr: holderCpr },
      subjectCpr: citizenCpr,
      assurance: 'Substantial',
    });
  });

  it('knows an organisation acting for a citizen as a proxy holder by CVR', async () => {
    expect(await verify(await bearer({ kind: 'organisationProxy', cvr: lawFirmCvr, subjectCpr: citizenCpr }))).toEqual({
      kind: 'proxy',
      holder: { type: 'ORGANISATION', cvr: lawFirmCvr },
      subjectCpr: citizenCpr,
      assurance: 'Substantial',
    });
  });

  it('knows a token with a CVR claim and no act as an organisation caller', async () => {
    expect(await verify(await bearer({ kind: 'organisation', cvr: lawFirmCvr }))).toEqual({
      kind: 'organisation',
      cvr: lawFirmCvr,
      assurance: 'Substantial',
    });
  });

  it('refuses an organisation login that also names someone acting', async () => {
    const token = await bearer({ kind: 'organisation', cvr: lawFirmCvr }, { act: { sub: 'someone', client_id: 'someone' } });
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an acting organisation whose CVR is not eight digits', async () => {
    const token = await bearer({ kind: 'organisationProxy', cvr: '1234', subjectCpr: citizenCpr });
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('the token verifier, given compound delegations', () => {
  const cprClaim = gatewayConfig({}).auth.cprClaim;
  const chatbotFor = (act: Record<string, unknown>, scope = 'citizen-context') =>
    bearer({ kind: 'chatbot', clientId: 'aarhus-borgerbot', subjectCpr: citizenCpr }, { act, scope });

  it('refuses an actor acting for another actor', async () => {
    const chain = await chatbotFor({ sub: 'aarhus-borgerbot', client_id: 'aarhus-borgerbot', act: { sub: 'lawyer', [cprClaim]: holderCpr } });
    await expect(verify(chain)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('takes an actor naming a person as that proxy holder, whatever client id it also holds', async () => {
    const mixed = await chatbotFor({ sub: 'lawyer', [cprClaim]: holderCpr, client_id: 'mit-overblik-web' });
    expect(await verify(mixed)).toMatchObject({ kind: 'proxy', holder: { type: 'PERSON', cpr: holderCpr } });
  });

  it('refuses a client that is not a registered chatbot', async () => {
    await expect(verify(await chatbotFor({ sub: 'some-bot', client_id: 'some-bot' }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a registered chatbot without the citizen-context scope', async () => {
    await expect(verify(await chatbotFor({ sub: 'aarhus-borgerbot', client_id: 'aarhus-borgerbot' }, 'openid'))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('the token verifier, asked again with the same token', () => {
  const config = gatewayConfig({}).auth;
  const jwks = createLocalJWKSet(devPublicJwks);
  /** Counts the signature checks: jose asks for the key once per check. */
  function counting() {
    let checks = 0;
    const verifier = createTokenVerifier(config, async (header, token) => {
      checks += 1;
      return jwks(header, token);
    });
    return { verifier, checks: () => checks };
  }

  it("checks the signature once while it remembers the token's caller", async () => {
    const { verifier, checks } = counting();
    const token = await bearer({ kind: 'citizen', cpr: citizenCpr });
    const [first, second] = [await verifier(token), await verifier(token)];
    expect(second).toEqual(first);
    expect(checks()).toBe(1);
  });

  it('checks a refused token again every time', async () => {
    const { verifier, checks } = counting();
    const token = await bearer({ kind: 'organisation', cvr: lawFirmCvr }, { act: { sub: 'someone', client_id: 'someone' } });
    await expect(verifier(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verifier(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(checks()).toBe(2);
  });

  it('refuses a remembered token with its signature altered', async () => {
    const { verifier } = counting();
    const token = await bearer({ kind: 'citizen', cpr: citizenCpr });
    await verifier(token);
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier(altered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
