import { ConsentChecks, type ConsentOnRecord } from './consent-store';

describe('the consent checks', () => {
  const consent: ConsentOnRecord = {
    id: '6f1c2a4e-8b0d-4c3e-9a51-2d7f0e3b9c11',
    clientId: 'budget-app',
    subjectCpr: '1503721233',
    areas: ['payments'],
    validUntil: new Date(Date.now() + 86_400_000),
    withdrawnAt: null,
  };

  it('ask the store again once the cache time has passed, so a withdrawal elsewhere bites within it', async () => {
    let lookUps = 0;
    const checks = new ConsentChecks({ byId: async () => (lookUps++, consent) }, 100);
    await checks.consentFor(consent.id);
    await checks.consentFor(consent.id);
    expect(lookUps).toBe(1);
    await new Promise((done) => setTimeout(done, 150));
    await checks.consentFor(consent.id);
    expect(lookUps).toBe(2);
  });

  it('forget a consent at once when told (a withdrawal on this replica)', async () => {
    let lookUps = 0;
    const checks = new ConsentChecks({ byId: async () => (lookUps++, consent) }, 60_000);
    await checks.consentFor(consent.id);
    checks.forget([consent.id]);
    await checks.consentFor(consent.id);
    expect(lookUps).toBe(2);
  });

  it('never ask the store about an id that is no consent id', async () => {
    const checks = new ConsentChecks({ byId: () => Promise.reject(new Error('asked')) }, 1000);
    expect(await checks.consentFor("x' OR 1=1 --")).toBeNull();
  });
});
