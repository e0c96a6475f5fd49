import { readFileSync } from 'node:fs';
import type { RedisOptions } from 'ioredis';
import type { RedisLocation } from '../config';

/**
 * What ioredis needs to reach a location, besides what a URL already says (its host, database,
 * and for `rediss://` TLS): the primary's credentials, TLS and the CA to trust, and with Sentinels
 * their own password and TLS. A function of the location alone, given the CA file's reader, so
 * what reaches ioredis is checked without a Redis.
 */
export function redisOptions(location: NonNullable<RedisLocation>, readFile: (path: string) => Buffer = readFileSync): RedisOptions {
  const tls = location.tls && (location.tls.caFile !== undefined ? { ca: readFile(location.tls.caFile) } : {});
  const access: RedisOptions = {
    ...(location.username !== undefined && { username: location.username }),
    ...(location.password !== undefined && { password: location.password }),
    ...(tls && { tls }),
  };
  if ('url' in location) return access;
  return {
    ...access,
    sentinels: location.sentinels,
    name: location.name,
    ...(location.sentinelPassword !== undefined && { sentinelPassword: location.sentinelPassword }),
    // ioredis applies `tls` to the primary the Sentinels name only with this flag; `sentinelTLS` is for the Sentinels.
    enableTLSForSentinelMode: tls !== undefined,
    ...(tls && { sentinelTLS: tls }),
  };
}
