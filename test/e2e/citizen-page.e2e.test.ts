import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { developmentCorsOrigins, developmentKeys } from '../../lib/config';
import { personas } from '../../mocks/fixtures/personas';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { persistedDocumentsPath, persistedOperations } from '../support/persisted';
import { startStack, type Stack } from '../support/stack';

/**
 * The citizen page "Mit Overblik" in headless Chromium, against the whole federation: built with
 * Vite, served by web/server.ts, logged in through the development issuer's login page, reading
 * the gateway by persisted operations only (the gateway runs in allow-list mode). Every state is
 * checked with axe-core (WCAG 2.1 A and AA) and saved as a screenshot in test-artifacts/citizen-page.
 *
 * The page must be at a registered redirect URI's origin (http://127.0.0.1:5173), but the test
 * must not take that port from a running `npm start`: Chromium's host resolver sends that one
 * origin to the test's own server on a free port. Nothing else leaves loopback (a route aborts it).
 */

const pageOrigin = developmentCorsOrigins[0]!;
const artifacts = 'test-artifacts/citizen-page';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const areaHeadings = ['Sager', 'Ydelser', 'Udbetalinger', 'Aftaler', 'Frister'];

describe('the citizen page Mit Overblik', () => {
  let stack: Stack;
  let web: RunningWebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let distDir: string;
  const leaked: string[] = [];

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'mit-overblik-'));
    // Vite is an ES module Jest cannot load: the build runs in a process of its own, beside the stack's start.
    const script = "require('./web/build').buildPage(process.argv[1]).catch((error) => { console.error(error); process.exit(1); })";
    const built = promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', script, distDir]);
    [stack] = await Promise.all([
      startStack({
        env: {
          // The issuer maps a page's hint (a citizen id) to a persona with the development key.
          PSEUDONYM_KEY: developmentKeys.pseudonym,
          // As in production: only the manifest's documents run, by id.
          PERSISTED_OPERATIONS_PATH: persistedDocumentsPath,
          // No cached copy to fall back on, so a hanging index shows as missing, soon.
          CACHE_ENABLED: 'false',
          UPSTREAM_TIMEOUT_MS: '600',
          REQUEST_DEADLINE_MS: '2000',
        },
      }),
      built,
    ]);
    web = await startWebServer({ distDir, gatewayUrl: stack.gatewayUrl, issuerUrl: stack.issuer.url });
    const mapped = new URL(pageOrigin);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...chromiumArgs, `--host-resolver-rules=MAP ${mapped.host} 127.0.0.1:${new URL(web.url).port}`],
    });
    mkdirSync(artifacts, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await stack?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) => {
        leaked.push(route.request().url());
        return route.abort();
      },
    );
    page = await context.newPage();
  });

  afterEach(async () => {
    stack.simulator.faults.clear();
    await context.close();
    expect(leaked).toEqual([]);
  });

  const area = (heading: string) => page.getByRole('region', { name: heading, exact: true });

  /** Opens the page and logs in at the issuer's login page: the persona picked in place of MitID, acting for no one. */
  async function openAndLogIn(persona: string): Promise<void> {
    await page.goto(`${pageOrigin}/`);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${stack.issuer.url}/authorize?**`);
    await page.getByLabel('Testperson').selectOption(persona);
    expect(await page.getByLabel('Handler for').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${pageOrigin}/`);
    await area('Sager').waitFor();
  }

  /** axe-core on the page as it is now: no WCAG 2.1 A or AA violation; then a screenshot. */
  async function checkAccessibleAndSave(name: string): Promise<void> {
    // Not page.addScriptTag: the page's Content-Security-Policy (rightly) refuses an inline script,
    // and bypassing it would hide a policy that breaks the page. DevTools' evaluation is not a script load.
    await page.evaluate(axeSource);
    // Evaluated in the page, as text: this file is compiled without the DOM's types.
    const violations = await page.evaluate<string[]>(`axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations.map((violation) => violation.id + ': ' + JSON.stringify(violation.nodes.map((node) => node.target))))`);
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  }

  it('serves the page on every path, allowed to talk only to the gateway and the issuer', async () => {
    const response = await fetch(`${web.url}/callback?code=x&state=y`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain(`<meta name="mit-overblik:gateway" content="${stack.gatewayUrl}">`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src ${new URL(stack.gatewayUrl).origin} ${stack.issuer.url};`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${web.url}/assets/missing.js`)).status).toBe(404);
  });

  it('asks a visitor to log in', async () => {
    await page.goto(`${pageOrigin}/`);
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mit Overblik');
    await checkAccessibleAndSave('logged-out');
  });

  it("logs thomas in at the issuer and shows his cases, benefits, payments, appointments and deadlines", async () => {
    await openAndLogIn('thomas');
    expect(page.url()).toBe(`${pageOrigin}/`);
    for (const heading of areaHeadings) {
      await area(heading).getByRole('listitem').first().waitFor();
      expect(await area(heading).getByRole('alert').count()).toBe(0);
    }
    // The first five of each area; the rest on request.
    expect(await area('Sager').getByRole('listitem').count()).toBe(5);
    await area('Sager').getByRole('button', { name: 'Vis alle 24 sager' }).click();
    await area('Sager').getByRole('heading', { name: 'Kontanthjælp', exact: true }).first().waitFor();
    await area('Ydelser').getByRole('button', { name: /Vis alle/ }).click();
    await area('Ydelser').getByText('12.500,00 kr. om måneden').first().waitFor();
    // The token is kept in memory only: nothing the page stores holds a CPR number (or the token).
    const stored = await page.evaluate<string>('JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie');
    expect(stored).not.toMatch(/\d{10}|eyJ/);
    await checkAccessibleAndSave('overview-thomas');
  }, 45_000);

  it('says "Udbetalinger kan ikke vises lige nu" and shows the other areas when the payments index hangs', async () => {
    stack.simulator.faults.set('payments', { kind: 'hang' });
    await openAndLogIn('thomas');
    await area('Udbetalinger').getByRole('alert').waitFor();
    expect(await area('Udbetalinger').getByRole('alert').textContent()).toContain('Udbetalinger kan ikke vises lige nu');
    expect(await page.getByRole('alert').count()).toBe(1);
    for (const heading of areaHeadings.filter((each) => each !== 'Udbetalinger')) {
      expect(await area(heading).getByRole('listitem').count()).toBeGreaterThan(0);
    }
    await checkAccessibleAndSave('payments-down');
  }, 30_000);

  it('says how old the payments are when an older copy is shown', async () => {
    // The gateway's stale copies are the resilience tests' (test/e2e/resilience): here the page is
    // shown one, twelve minutes old, in the gateway's real answer.
    await page.route(stack.gatewayUrl, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || request.postDataJSON().documentId !== persistedOperations.MitOverblik!.id) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      body.data.me.paymentsFreshness = { asOf: new Date(Date.now() - 12 * 60_000).toISOString(), stale: true };
      return route.fulfill({ response, json: body });
    });
    await openAndLogIn('thomas');
    const stale = area('Udbetalinger').getByRole('status');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('Oplysningerne er fra for 12 minutter siden');
    expect(await area('Udbetalinger').getByRole('listitem').count()).toBeGreaterThan(0);
    await checkAccessibleAndSave('payments-stale');
  }, 30_000);

  it('shows who has seen the data in the access log', async () => {
    await openAndLogIn('thomas');
    await page.getByRole('navigation').getByRole('link', { name: 'Hvem har set dine oplysninger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hvem har set dine oplysninger' }).waitFor();
    expect(page.url()).toBe(`${pageOrigin}/adgangslog`);
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    // The overview just read, by thomas himself.
    expect(await page.getByRole('table').textContent()).toContain('udbetalinger');
    await checkAccessibleAndSave('access-log');
  }, 30_000);

  it("lets the guardian switch to karen, the issuer preselecting her, and shows karen's data", async () => {
    await openAndLogIn('guardian');
    const switcher = page.getByRole('region', { name: 'Fuldmagter' });
    expect(await switcher.textContent()).toContain('Du kan se oplysninger for:');
    await checkAccessibleAndSave('switcher-guardian');
    await switcher.getByRole('button', { name: `Se oplysninger for ${personas.karen.name}` }).click();
    await page.waitForURL(`${stack.issuer.url}/authorize?**`);
    expect(new URL(page.url()).search).not.toMatch(/\d{10}/);
    expect(await page.getByLabel('Testperson').inputValue()).toBe('guardian');
    expect(await page.getByLabel('Handler for').inputValue()).toBe('karen');
    await checkAccessibleAndSave('issuer-login-act-for-karen');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${pageOrigin}/`);
    const notice = page.getByRole('region', { name: 'Du handler for en anden' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`Du ser oplysninger for ${personas.karen.name}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Overblik for ${personas.karen.name}`);
    for (const heading of areaHeadings.filter((each) => each !== 'Frister')) await area(heading).getByRole('listitem').first().waitFor();
    // Her health visitor comes home to her: her guardian sees the visit, never her protected address.
    expect(await page.content()).not.toContain(personas.karen.address);
    await checkAccessibleAndSave('acting-for-karen');
  }, 40_000);

  it('takes the guardian back to their own data with "Tilbage til mig selv"', async () => {
    await openAndLogIn('guardian');
    await page.getByRole('button', { name: `Se oplysninger for ${personas.karen.name}` }).click();
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: 'Tilbage til mig selv' }).click();
    await page.waitForURL(`${stack.issuer.url}/authorize?**`);
    expect(await page.getByLabel('Handler for').inputValue()).toBe('');
    expect(await page.getByLabel('Testperson').inputValue()).toBe('guardian');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('region', { name: 'Fuldmagter' }).waitFor();
    expect(await page.getByRole('region', { name: 'Du handler for en anden' }).count()).toBe(0);
  }, 40_000);

  it('logs out and forgets the login', async () => {
    await openAndLogIn('thomas');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByText('Du er logget ud.').waitFor();
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.getByRole('button', { name: 'Log ud' }).count()).toBe(0);
  }, 30_000);
});
