import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomFillSync, randomUUID, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { languages } from './i18n/language';
import { cprSchema } from './index-wire';
import { isRecord } from './record';

/**
 * What the gateway tells a subgraph about the caller. It carries the represented citizen's CPR,
 * so it is encrypted and authenticated (JWE, dir + A256GCM) under a key only the gateway and the
 * subgraphs hold, and lives for seconds: a subgraph reached without it answers nothing.
 */
export const areaNames = ['cases', 'benefits', 'payments', 'appointments', 'proxies'] as const;

/**
 * One grant the caller reads under: the areas it covers and, for a case-bound proxy, the one case.
 * A holder with several proxies for one citizen has several scopes; a record is visible under any.
 */
export const scopeSchema = z.object({
  areas: z.array(z.enum(areaNames)),
  caseId: z.string().nullable(),
  /** A parent's custody of a minor rather than a proxy: what the youth rule shows the child is kept from it (config/access-rules.json). */
  custody: z.boolean().optional(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const internalContextSchema = z.object({
  requestId: z.string().min(1),
  /**
   * `organisation`: an organisation's own login (by CVR), which may only list whom it acts for.
   * `service`: an external service on the citizen's consent (a registered OAuth client).
   */
  callerKind: z.enum(['citizen', 'proxy', 'chatbot', 'partner', 'staff', 'organisation', 'service']),
  /** Pseudonymous id of whoever acts (the citizen, the proxy holder, the client or organisation). */
  actorId: z.string().min(1),
  /** The citizen whose data is asked for; null for callers not acting for one citizen. */
  subjectCpr: cprSchema.nullable(),
  assurance: z.enum(['Low', 'Substantial', 'High']).nullable(),
  /** The data areas this caller may read for the subject: the union of its scopes' areas. */
  areas: z.array(z.enum(areaNames)),
  /** What each of the caller's grants covers; empty for callers with no data areas. */
  scopes: z.array(scopeSchema),
  /** The citizen and a full guardian (or a future power of attorney in force) read who saw the data. */
  mayReadAccessLog: z.boolean(),
  /** The caller's own CPR or CVR as a proxy holder, to list whom it may act for; null otherwise. */
  holderId: z.string().nullable(),
  /** A partner authority's organisation id; it may read appointments shared with it only. */
  partnerOrganisation: z.string().nullable(),
  /** A verification staff member's municipality code. */
  staffMunicipality: z.string().nullable(),
  /** Sealed for a mutation's fetch: a subgraph makes no change under a context without it. */
  mutation: z.boolean(),
  /** The language the client asked for: the subgraphs write their texts in it. */
  language: z.enum(languages),
});
export type InternalContext = z.infer<typeof internalContextSchema>;

export const internalContextHeader = 'x-internal-context';
/** Milliseconds left of the client request's deadline when the gateway sent this request. */
export const budgetHeader = 'x-request-budget-ms';
const issuer = 'borger-graph-gateway';
/**
 * Seconds a sealed context is accepted: one fetch of one request. With the audience (one subgraph)
 * and its unique id (refused on second use), a captured context opens nothing else.
 */
const lifetimeSeconds = 10;
const clockToleranceSeconds = 5;
const audienceOf = (subgraph: string) => `borger-graph-subgraph:${subgraph}`;

/** Each secret's content key, made once, not once per seal or open. */
const contentKeys = new WeakMap<Uint8Array, KeyObject>();

/** Any secret length in, exactly the 32 bytes A256GCM needs out. */
function contentKey(secret: Uint8Array): KeyObject {
  let key = contentKeys.get(secret);
  if (!key) {
    key = createSecretKey(createHash('sha256').update(secret).digest());
    contentKeys.set(secret, key);
  }
  return key;
}

export function newRequestId(): string {
  return randomUUID();
}

/**
 * The keys the context is sealed under: the current one seals (its id goes in the JWE header), all
 * open, so a new key is rolled out to the subgraphs first, then made current at the gateway, and
 * the old one dropped once no seal under it can still be accepted (seconds).
 */
export interface ContextKeys {
  current: string;
  keys: Record<string, Uint8Array>;
}

/** One secret as a ring of one (its id is `k0`). */
export const singleKey = (secret: Uint8Array): ContextKeys => ({ current: 'k0', keys: { k0: secret } });

/**
 * Sealed for one fetch to one subgraph, with an id of its own: a JWT in JWE compact form (RFC 7516,
 * `dir` + A256GCM), written with Node's AES-GCM directly because a gateway seals one per fetch and
 * jose's web-crypto path cost several times as much. The subgraphs open it the same way, checking
 * every part of the format.
 */
const ivBytes = 12;
/** Random bytes for the seals' IVs, drawn 4 KiB at a time: one call to the system's generator per 341 seals, not one per seal. */
const ivPool = Buffer.alloc(ivBytes * 341);
let ivPoolUsed = ivPool.length;

/** A fresh random IV, each pool slice used once; a view, valid until the pool is next refilled (so used at once). */
function freshIv(): Buffer {
  if (ivPoolUsed === ivPool.length) {
    randomFillSync(ivPool);
    ivPoolUsed = 0;
  }
  ivPoolUsed += ivBytes;
  return ivPool.subarray(ivPoolUsed - ivBytes, ivPoolUsed);
}

export async function sealInternalContext(context: InternalContext, ring: ContextKeys, subgraph: string): Promise<string> {
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: ring.current })).toString('base64url');
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = { ctx: context, iss: issuer, aud: audienceOf(subgraph), jti: randomUUID(), iat: issuedAt, exp: issuedAt + lifetimeSeconds };
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', contentKey(ring.keys[ring.current]), iv);
  // The protected header is the additional authenticated data, as RFC 7516 (5.1, step 14) has it.
  cipher.setAAD(Buffer.from(header, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
  return `${header}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

export interface OpenedContext {
  context: InternalContext;
  /** The seal's unique id, for the subgraph to refuse a second use. */
  id: string;
  /** How long the seal could still be accepted (ms), so a record of its use may be kept as long. */
  acceptedForMs: number;
}

const base64url = /^[A-Za-z0-9_-]+$/;
const tagBytes = 16;

/** Exactly the protected header `sealInternalContext` writes: no other algorithm, no `crit`, no `zip`. */
function sealedHeaderKid(encoded: string): string | null {
  const header: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (!isRecord(header) || Object.keys(header).length !== 3 || header.alg !== 'dir' || header.enc !== 'A256GCM') return null;
  return typeof header.kid === 'string' ? header.kid : null;
}

/**
 * The context sealed for this subgraph, or null for anything missing, forged, expired, malformed or
 * meant for another. Opened with Node's AES-GCM as it is sealed (a subgraph opens one per request,
 * and jose's web-crypto path was a tenth of a subgraph's CPU): the compact JWE's five parts, the
 * header exactly as sealed, the tag over the header, then the claims jose's jwtDecrypt would check
 * (issuer, this subgraph as audience, expiry and not-before with the clock tolerance, an id).
 */
export async function openInternalContext(token: string | undefined, ring: ContextKeys, subgraph: string): Promise<OpenedContext | null> {
  if (!token) return null;
  try {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[1] !== '' || ![0, 2, 3, 4].every((index) => base64url.test(parts[index]))) return null;
    const [header, , ivPart, ciphertext, tagPart] = parts;
    const kid = sealedHeaderKid(header);
    const secret = kid === null || !Object.hasOwn(ring.keys, kid) ? undefined : ring.keys[kid];
    const iv = Buffer.from(ivPart, 'base64url');
    const tag = Buffer.from(tagPart, 'base64url');
    if (!secret || iv.length !== ivBytes || tag.length !== tagBytes) return null;
    const decipher = createDecipheriv('aes-256-gcm', contentKey(secret), iv, { authTagLength: tagBytes });
    decipher.setAAD(Buffer.from(header, 'ascii'));
    decipher.setAuthTag(tag);
    // final() throws unless the tag matches: nothing below reads an unauthenticated byte.
    const claims: unknown = JSON.parse(Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8'));
    if (!isRecord(claims) || claims.iss !== issuer || claims.aud !== audienceOf(subgraph)) return null;
    const { exp, nbf, jti } = claims;
    const now = Date.now() / 1000;
    if (typeof exp !== 'number' || exp <= now - clockToleranceSeconds) return null;
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + clockToleranceSeconds)) return null;
    if (typeof jti !== 'string' || jti === '') return null;
    const parsed = internalContextSchema.safeParse(claims.ctx);
    if (!parsed.success) return null;
    return { context: parsed.data, id: jti, acceptedForMs: (exp + clockToleranceSeconds) * 1000 - Date.now() };
  } catch {
    return null;
  }
}
