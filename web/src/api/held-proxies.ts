import { MyHeldProxiesDocument } from '../../../clients/generated/graphql';
import type { Grantor } from '../auth/session';
import type { PageConfig } from '../config';
import { runPersisted } from './persisted';

/**
 * Whom the logged-in person may act for: the grantors of the proxies they hold that are in force
 * now (accepted by them, in their period), each once however many proxies they gave.
 */
export async function loadGrantors(config: PageConfig, accessToken: string): Promise<Grantor[]> {
  const { data } = await runPersisted(config, accessToken, MyHeldProxiesDocument, { status: 'IN_FORCE' });
  const byId = new Map(data!.myHeldProxies.map(({ grantor }) => [grantor.citizenId, { citizenId: grantor.citizenId, name: grantor.name }]));
  return [...byId.values()];
}
