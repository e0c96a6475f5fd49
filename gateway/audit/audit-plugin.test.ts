import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { parse, type OperationDefinitionNode } from 'graphql';
import { Disclosures } from '../../lib/disclosures';
import { createLogger } from '../../lib/logger';
import type { GatewayContext } from '../context';
import { auditPlugin } from './audit-plugin';
import type { AuditEvent } from './chain';
import type { AuditWriter } from './writer';

/** The plugin's last step, run on a response as the gateway is about to send it. */
async function send(context: Partial<GatewayContext>) {
  const written: AuditEvent[] = [];
  const writer = { write: async (event: AuditEvent) => void written.push(event) } as unknown as AuditWriter;
  const plugin = auditPlugin(writer, (cpr) => `cit_${cpr}`, createLogger('test', 'silent'));
  const hooks = await plugin.requestDidStart!({} as never);
  const response = { http: { status: 200 }, body: { kind: 'single', singleResult: { data: { me: { cases: [] } } } } };
  const gatewayContext = {
    requestId: 'req-1',
    access: { callerKind: 'citizen', actorId: 'cit_a', subjectCpr: '1503721233' },
    disclosures: new Disclosures(),
    unaccounted: false,
    ...context,
  };
  const operation = parse('{ me { cases { id } } }').definitions[0] as OperationDefinitionNode;
  await hooks!.willSendResponse!({ response, contextValue: gatewayContext, operation } as unknown as GraphQLRequestContextWillSendResponse<GatewayContext>);
  return { response, written };
}

describe('the audit plugin', () => {
  it('records one event per citizen the subgraphs report showing', async () => {
    const disclosures = new Disclosures();
    disclosures.add('cit_karen', 'appointments', ['AFT-1']);
    disclosures.add('cit_amir', 'appointments', ['AFT-2']);
    const { written } = await send({ disclosures });
    expect(written.map((event) => [event.subjectId, event.entityIds])).toEqual([
      ['cit_karen', ['appointments:AFT-1']],
      ['cit_amir', ['appointments:AFT-2']],
    ]);
  });

  it('withholds a response whose disclosures a subgraph did not report, and records nothing', async () => {
    const { response, written } = await send({ unaccounted: true });
    expect(response.http.status).toBe(503);
    expect(response.body.singleResult).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'AUDIT_UNAVAILABLE' } })] });
    expect(written).toEqual([]);
  });
});
