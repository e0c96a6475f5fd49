import { clients, organisations, personas, type OrganisationKey, type PersonaKey } from '../mocks/fixtures/personas';
import { mintToken, type TokenSubject } from '../mocks/identity/dev-issuer';

/**
 * `npm run --silent token -- <who> [--for <persona>] [--municipality <code>]` prints a signed
 * access token from the development issuer:
 *   thomas                     the persona's own citizen token
 *   lawyer --for thomas        a proxy holder acting for a citizen
 *   accountant --for thomas    an organisation (by CVR) acting for a citizen
 *   accountant                 an organisation's own login
 *   chatbot --for thomas       the municipal chatbot on a citizen's delegation
 *   region                     a partner authority (client credentials)
 *   staff --municipality 740   a municipality's verification staff
 */
const usage = `usage: npm run --silent token -- <${[...Object.keys(personas), ...Object.keys(organisations), 'chatbot', 'region', 'staff'].join('|')}> [--for <persona>] [--municipality <code>]`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function person(key: string | undefined): string {
  const persona = personas[key as PersonaKey];
  if (!persona) throw new Error(`unknown persona "${key ?? ''}"`);
  return persona.cpr;
}

function subjectFor(args: string[]): TokenSubject {
  const [who] = args;
  const forWhom = option(args, '--for');
  const organisation = organisations[who as OrganisationKey];
  if (organisation) {
    return forWhom ? { kind: 'organisationProxy', cvr: organisation.cvr, subjectCpr: person(forWhom) } : { kind: 'organisation', cvr: organisation.cvr };
  }
  if (who === 'chatbot') return { kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: person(forWhom) };
  if (who === 'region') return { kind: 'partner', clientId: `${clients.region.orgId}-hospital-system`, organisation: clients.region.orgId };
  if (who === 'staff') {
    const municipality = option(args, '--municipality');
    if (!municipality) throw new Error('staff needs --municipality <code>');
    return { kind: 'staff', employeeId: `staff-${municipality}-dev`, municipality };
  }
  if (forWhom) return { kind: 'proxy', holderCpr: person(who), subjectCpr: person(forWhom) };
  return { kind: 'citizen', cpr: person(who) };
}

async function main(): Promise<void> {
  try {
    process.stdout.write(`${await mintToken(subjectFor(process.argv.slice(2)))}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

void main();
