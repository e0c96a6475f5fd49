import { MitOverblikAccessLogDocument, type MitOverblikAccessLogQuery } from '../../../clients/generated/graphql';
import type { PageConfig } from '../config';
import { runPersisted } from './persisted';

export type AccessLogEntry = NonNullable<MitOverblikAccessLogQuery['me']['accessLog']>['entries'][number];

/** A page of the access log, or null when this login may not read it (a proxy other than a full guardian). */
export async function loadAccessLog(config: PageConfig, accessToken: string, before: string | null): Promise<{ entries: AccessLogEntry[]; nextCursor: string | null } | null> {
  const { data } = await runPersisted(config, accessToken, MitOverblikAccessLogDocument, { before });
  return data!.me.accessLog ?? null;
}
