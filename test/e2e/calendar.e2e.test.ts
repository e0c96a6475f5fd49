import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { Client } from 'pg';
import { urlNamesCitizen } from '../../lib/cpr-in-url';
import { citizenId } from '../../lib/pseudonym';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

interface Link {
  id: string;
  url: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

interface LinkRow {
  id: string;
  token_hash: string;
  subject_id: string;
  subject_cpr_sealed: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const createLink = 'mutation { createCalendarLink { id url createdAt lastUsedAt } }';
const revokeLink = 'mutation ($id: ID!) { revokeCalendarLink(id: $id) }';
const listLinks = '{ me { calendarLinks { id url createdAt lastUsedAt } } }';

describe('the calendar feed', () => {
  let stack: Stack;
  let db: Client;
  let thomas: string;
  let link: Link;
  const everyCpr = Object.values(personas).map((persona) => persona.cpr);
  const thomasId = () => citizenId(personas.thomas.cpr, Buffer.from(stack.keys.pseudonym, 'base64url'));
  const tokenOf = (url: string) => /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];
  const rows = async () => (await db.query<LinkRow>('SELECT * FROM calendar_links ORDER BY created_at')).rows;
  const asLawyer = () => mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
  const feedOf = (token: string) => `${new URL(stack.gatewayUrl).origin}/calendar/${token}.ics`;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    thomas = await tokenFor(stack, 'thomas');
    const created = await postGraphQL<{ createCalendarLink: Link }>(stack.gatewayUrl, createLink, { token: thomas });
    expect(created.body.errors).toBeUndefined();
    link = created.body.data!.createCalendarLink;
  });

  afterAll(async () => {
    await db.end();
    await stack.close();
  });

  it('gives thomas a link to the gateway, with a random token and no CPR number in it', () => {
    expect(link.url).toMatch(new RegExp(`^${new URL(stack.gatewayUrl).origin}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    for (const cpr of everyCpr) expect(link.url).not.toContain(cpr);
    expect(urlNamesCitizen(new URL(link.url!).pathname)).toBe(false);
    expect(link.lastUsedAt).toBeNull();
  });

  it('serves a feed that an iCalendar parser reads, one event per appointment thomas sees', async () => {
    const seen = await postGraphQL<{ me: { appointments: { id: string; title: string; startsAt: string }[] } }>(
      stack.gatewayUrl,
      '{ me { appointments(first: 500) { id title startsAt } } }',
      { token: thomas },
    );
    expect(seen.body.errors).toBeUndefined();
    const appointments = seen.body.data!.me.appointments;
    expect(appointments.length).toBeGreaterThan(0);

    const response = await fetch(link.url!);
    const feed = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');

    const calendar = new ICAL.Component(ICAL.parse(feed));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const appointmentEvents = events.filter((event) => event.uid.endsWith('@appointments.borger-graph'));
    expect(appointmentEvents.map((event) => event.uid).sort()).toEqual(appointments.map(({ id }) => `${id}@appointments.borger-graph`).sort());
    for (const { id, title, startsAt } of appointments) {
      const event = events.find((each) => each.uid === `${id}@appointments.borger-graph`)!;
      expect(event.summary).toBe(title);
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(startsAt).toISOString());
    }
  });

  it('puts each of his deadlines in the feed on the day it falls due, saying what missing it means', async () => {
    const seen = await postGraphQL<{ me: { deadlines: { id: string; title: string; dueAt: string; consequence: string }[] } }>(
      stack.gatewayUrl,
      '{ me { deadlines { id title dueAt consequence } } }',
      { token: thomas },
    );
    const deadlines = seen.body.data!.me.deadlines;
    expect(deadlines.length).toBeGreaterThan(0);
    const calendar = new ICAL.Component(ICAL.parse(await (await fetch(link.url!)).text()));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    for (const { id, title, dueAt, consequence } of deadlines) {
      const event = events.find((each) => each.uid === `${id}@deadlines.borger-graph`)!;
      expect({ summary: event.summary, start: event.startDate.toJSDate().toISOString(), description: event.description }).toEqual({
        summary: title,
        start: new Date(dueAt).toISOString(),
        description: consequence,
      });
    }
  });

  it('is written as RFC 5545 asks: CRLF line ends, lines of at most 75 octets, and no CPR number or name', async () => {
    const feed = await (await fetch(link.url!)).text();
    expect(feed.endsWith('\r\n')).toBe(true);
    const lines = feed.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    for (const cpr of everyCpr) expect(feed).not.toContain(cpr);
    expect(feed).not.toContain(personas.thomas.name);
  });

  it("records the feed's read in the audit trail against thomas, as his own, with its purpose", async () => {
    await fetch(link.url!);
    const { rows: events } = await db.query<{ caller_kind: string; actor_id: string; subject_id: string; areas: string[]; purpose: string | null; outcome: string }>(
      "SELECT * FROM audit_events WHERE operation = 'CalendarFeed' ORDER BY seq",
    );
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event).toMatchObject({ caller_kind: 'citizen', actor_id: thomasId(), subject_id: thomasId(), outcome: 'disclosed', purpose: 'calendar-feed' });
      expect(event.areas).toContain('appointments');
    }
  });

  it('shows thomas his links without their addresses, and when one was last used', async () => {
    const listed = await postGraphQL<{ me: { calendarLinks: Link[] } }>(stack.gatewayUrl, listLinks, { token: thomas });
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data!.me.calendarLinks).toEqual([expect.objectContaining({ id: link.id, url: null, createdAt: link.createdAt })]);
    expect(listed.body.data!.me.calendarLinks[0].lastUsedAt).not.toBeNull();
  });

  it('stores the token only as its SHA-256, and the CPR number only sealed', async () => {
    const token = tokenOf(link.url!);
    const [row] = await rows();
    expect(row.id).toBe(link.id);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.subject_id).toBe(thomasId());
    const everything = JSON.stringify(await rows());
    expect(everything).not.toContain(token);
    for (const cpr of everyCpr) expect(everything).not.toContain(cpr);
  });

  it('answers an unknown token 404, the same as a malformed one', async () => {
    const unknown = await fetch(feedOf('A'.repeat(43)));
    const malformed = await fetch(`${new URL(stack.gatewayUrl).origin}/calendar/not-a-token.ics`);
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(await unknown.text()).toBe(await malformed.text());
  });

  it('does not let his lawyer, acting for him under a proxy, make or see a link', async () => {
    const lawyer = await asLawyer();
    const created = await postGraphQL(stack.gatewayUrl, createLink, { token: lawyer });
    expect(created.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(created.body.data ?? null).toBeNull();
    const listed = await postGraphQL<{ me: { calendarLinks: Link[] | null } }>(stack.gatewayUrl, listLinks, { token: lawyer });
    expect(listed.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(listed.body.data?.me?.calendarLinks ?? null).toBeNull();
    expect(await rows()).toHaveLength(1);
  });

  it('does not let a chatbot acting for him make a link', async () => {
    const chatbot = await mintToken({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
    const created = await postGraphQL(stack.gatewayUrl, createLink, { token: chatbot });
    expect(created.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rows()).toHaveLength(1);
  });

  it('stops serving a link at once when thomas revokes it, answering as for a token never issued', async () => {
    const before = await fetch(link.url!);
    expect(before.status).toBe(200);
    const revoked = await postGraphQL<{ revokeCalendarLink: boolean }>(stack.gatewayUrl, revokeLink, { token: thomas, variables: { id: link.id } });
    expect(revoked.body).toEqual({ data: { revokeCalendarLink: true } });

    const after = await fetch(link.url!);
    const unknown = await fetch(feedOf('B'.repeat(43)));
    expect(after.status).toBe(404);
    expect(await after.text()).toBe(await unknown.text());

    const again = await postGraphQL<{ revokeCalendarLink: boolean }>(stack.gatewayUrl, revokeLink, { token: thomas, variables: { id: link.id } });
    expect(again.body).toEqual({ data: { revokeCalendarLink: false } });
    const listed = await postGraphQL<{ me: { calendarLinks: Link[] } }>(stack.gatewayUrl, listLinks, { token: thomas });
    expect(listed.body.data!.me.calendarLinks).toEqual([]);
  });

  it("does not let anyone revoke a link that is not their own", async () => {
    const created = await postGraphQL<{ createCalendarLink: Link }>(stack.gatewayUrl, createLink, { token: thomas });
    const { id, url } = created.body.data!.createCalendarLink;
    const karen = await postGraphQL(stack.gatewayUrl, revokeLink, { token: await tokenFor(stack, 'karen'), variables: { id } });
    expect(karen.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const lawyer = await postGraphQL(stack.gatewayUrl, revokeLink, { token: await asLawyer(), variables: { id } });
    expect(lawyer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await fetch(url!)).status).toBe(200);
  });

  // Last: it stops a subgraph.
  it('answers 503 with Retry-After, never an empty feed that would empty the calendar, when appointments cannot be read', async () => {
    const created = await postGraphQL<{ createCalendarLink: Link }>(stack.gatewayUrl, createLink, { token: thomas });
    await stack.stopSubgraph('appointments');
    const response = await fetch(created.body.data!.createCalendarLink.url!);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.headers.get('content-type')).not.toContain('text/calendar');
  });
});
