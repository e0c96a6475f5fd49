import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { errorCodes, type ErrorCode } from '../../lib/errors';
import type { Route } from '../../lib/http-server';
import { currentLanguage } from '../../lib/i18n/language';
import { sayNow } from '../../lib/i18n/messages';
import { newRequestId, type ContextKeys } from '../../lib/internal-context';
import type { Logger } from '../../lib/logger';
import type { Access } from '../auth/access-policy';
import { callerContext, type GatewayContext } from '../context';
import { renderCalendar, type CalendarEvent } from './ical';
import type { CalendarLinkStore } from './link-store';
import { tokenHash, tokenPattern } from './secrets';

/**
 * What the feed reads, through the graph and as the citizen, so the subgraphs' rules apply and
 * the audit trail records the read: appointments and deadlines, with where to move or act on them.
 */
const calendarFeedQuery = `query CalendarFeed {
  me {
    appointments(first: 500) { id title startsAt endsAt location { name } changeLink { url } }
    deadlines(first: 500) { id title dueAt consequence actLink { url } }
  }
}`;

interface FeedData {
  me: {
    appointments: { id: string; title: string; startsAt: string; endsAt: string | null; location: { name: string } | null; changeLink: { url: string } }[] | null;
    deadlines: { id: string; title: string; dueAt: string; consequence: string | null; actLink: { url: string } }[] | null;
  } | null;
}

/** The audit trail's purpose for a feed's read: which door the citizen's data left by. */
export const feedPurpose = 'calendar-feed';

/** Requests one link may make a minute: calendar apps fetch every quarter hour or less often. */
export const feedRequestsPerLinkPerMinute = 10;

/** How often a calendar app is asked to fetch the feed again. */
const refreshMinutes = 60;

/** Null when the areas the feed shows could not be read (the calendar keeps its last copy then). */
function eventsOf(data: FeedData | null | undefined): CalendarEvent[] | null {
  const appointments = data?.me?.appointments;
  const deadlines = data?.me?.deadlines;
  if (!appointments || !deadlines) return null;
  return [
    ...appointments.map((appointment) => ({
      // Stable whatever address the gateway is reached at, so an app updates rather than duplicates.
      uid: `${appointment.id}@appointments.borger-graph`,
      start: new Date(appointment.startsAt),
      end: appointment.endsAt ? new Date(appointment.endsAt) : null,
      summary: appointment.title,
      location: appointment.location?.name ?? null,
      url: appointment.changeLink.url,
    })),
    // A deadline is an instant on the day it falls due, its consequence as the description.
    ...deadlines.map((deadline) => ({
      uid: `${deadline.id}@deadlines.borger-graph`,
      start: new Date(deadline.dueAt),
      end: null,
      summary: deadline.title,
      location: null,
      description: deadline.consequence,
      url: deadline.actLink.url,
    })),
  ];
}

export interface CalendarFeedOptions {
  store: Pick<CalendarLinkStore, 'use'>;
  apollo: ApolloServer<GatewayContext>;
  /** The access the citizen's own login has (gateway/auth/access-policy.ts). */
  accessFor(subjectCpr: string, request: { deadline: number; requestId: string }): Promise<Access>;
  /** Throttles by client address, as the GraphQL endpoint does before any work. */
  limitAddress(request: IncomingMessage): Promise<void>;
  /** Throttles one link (by its token's hash). */
  limitLink(hash: string): Promise<void>;
  internalContextKeys: ContextKeys;
  deadlineMs: number;
  logger: Logger;
}

const feedPathPattern = /^\/calendar\/([^/]*)\.ics$/;

/** An error as the GraphQL endpoint words it; a code the error list does not know is our own failure. */
export function sendError(response: ServerResponse, status: number, given: string, headers: Record<string, string> = {}): void {
  const code = (Object.hasOwn(errorCodes, given) ? given : 'INTERNAL_SERVER_ERROR') as ErrorCode;
  response.writeHead(code === given ? status : 500, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'private, no-store',
    'content-language': currentLanguage(),
    ...headers,
  });
  response.end(JSON.stringify({ errors: [{ message: sayNow(`error.${code}`), extensions: { code } }] }));
}

/** An unknown token, a revoked link and a malformed path get the same answer. */
const notFound = (response: ServerResponse) => sendError(response, 404, 'NOT_FOUND');

/** A request-level refusal (a rate limit) with the status and headers it carries. */
export function sendRefusal(response: ServerResponse, error: GraphQLError): void {
  const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
  sendError(response, http?.status ?? 400, String(error.extensions.code), Object.fromEntries(http?.headers ?? []));
}

/**
 * The gateway's HTTP route `GET /calendar/<token>.ics`: the citizen's appointments as an
 * iCalendar feed, read through the graph as the citizen the link belongs to. A revoked link is
 * refused on its next request (the link table is read every time, never cached).
 */
export function calendarFeedRoute(options: CalendarFeedOptions): (pathname: string) => Route | null {
  const serve = async (pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
    await options.limitAddress(request);
    const token = feedPathPattern.exec(pathname)?.[1];
    if (!token || !tokenPattern.test(token)) return notFound(response);
    await options.limitLink(tokenHash(token));
    const link = await options.store.use(token);
    if (!link) return notFound(response);

    // The context a citizen's own request gets (gateway/context.ts), for the link's citizen; a feed only reads.
    const requestId = newRequestId();
    const deadline = Date.now() + options.deadlineMs;
    const access = await options.accessFor(link.subjectCpr, { deadline, requestId });
    const language = currentLanguage();
    const context = callerContext({ requestId, deadline, language, access }, options.internalContextKeys, true);
    context.disclosures.because(link.subjectId, feedPurpose);

    const result = await options.apollo.executeOperation<FeedData>({ query: calendarFeedQuery, operationName: 'CalendarFeed' }, { contextValue: context });
    const body = result.body.kind === 'single' ? result.body.singleResult : null;
    const events = eventsOf(body?.data);
    if (!events) {
      // Rather than an empty feed, which would empty the citizen's calendar: try again later.
      const status = result.http.status && result.http.status >= 400 ? result.http.status : 503;
      const code = String(body?.errors?.[0]?.extensions?.code ?? 'UPSTREAM_UNAVAILABLE');
      // Codes only: never the token, the link or the citizen.
      options.logger.warn({ requestId, codes: (body?.errors ?? []).map((error) => error.extensions?.code ?? null) }, 'calendar feed not served');
      return sendError(response, status, code, { 'retry-after': result.http.headers.get('retry-after') ?? '60' });
    }
    const feed = renderCalendar({ name: sayNow('calendar.name'), language, events, now: new Date(), refreshMinutes });
    response.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, no-store',
      'content-language': language,
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    });
    response.end(feed);
  };

  return (pathname) =>
    pathname.startsWith('/calendar/')
      ? (request, response) =>
          serve(pathname, request, response).catch((error: unknown) => {
            if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return sendRefusal(response, error);
            throw error;
          })
      : null;
}
