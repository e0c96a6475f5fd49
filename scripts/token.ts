import { personas } from '../mocks/fixtures/personas';
import { mintCitizenToken } from '../mocks/identity/dev-issuer';

/** `npm run --silent token -- <persona>`: prints a signed access token from the dev issuer. */
async function main(): Promise<void> {
  const [persona] = process.argv.slice(2);
  const person = personas[persona as keyof typeof personas];
  if (!person) {
    process.stderr.write(`usage: npm run --silent token -- <persona>\npersonas: ${Object.keys(personas).join(', ')}\n`);
    process.exit(2);
  }
  process.stdout.write(`${await mintCitizenToken(person.cpr)}\n`);
}

void main();
