import { readFileSync } from 'node:fs';
import { ConfigError, developmentKeys, gatewayConfig, settings, subgraphConfig } from './config';
import { withConfigTable } from './config-table';

describe('configuration', () => {
  it('starts on embedded defaults with no environment at all', () => {
    const config = gatewayConfig({});
    expect(config.port).toBe(4000);
    expect(config.subgraphUrls.cases).toBe('http://127.0.0.1:4101/graphql');
    expect(config.auth.jwksUrl).toBe('http://127.0.0.1:4400/.well-known/jwks.json');
  });

  it('gives each subgraph its own default port', () => {
    expect(subgraphConfig('proxies', {}).port).toBe(4105);
  });

  it('refuses a bad setting with a message naming it', () => {
    expect(() => subgraphConfig('cases', { UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
    expect(() => subgraphConfig('cases', { UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/UPSTREAM_TIMEOUT_MS/);
  });

  it('names every bad setting at once', () => {
    expect(() => gatewayConfig({ PORT: 'x', AUTH_ALGORITHMS: 'none' })).toThrow(/PORT[\s\S]*AUTH_ALGORITHMS/);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => gatewayConfig({ PSEUDONYM_KEY: 'c2hvcnQ' })).toThrow(/PSEUDONYM_KEY/);
  });

  it('refuses the development keys and issuer in production, naming each', () => {
    expect(() => gatewayConfig({ NODE_ENV: 'production' })).toThrow(/INTERNAL_CONTEXT_KEY[\s\S]*PSEUDONYM_KEY[\s\S]*AUTH_ISSUER[\s\S]*AUDIT_CHECKPOINT_KEY[\s\S]*CALENDAR_LINK_KEY/);
    expect(() => subgraphConfig('cases', { NODE_ENV: 'production' })).toThrow(/CACHE_ENCRYPTION_KEYS/);
  });

  const secret = Buffer.from('a-production-secret-of-32-bytes!').toString('base64url');
  const production = {
    NODE_ENV: 'production',
    INTERNAL_CONTEXT_KEY: secret,
    PSEUDONYM_KEY: secret,
    AUDIT_CHECKPOINT_KEY: secret,
    CALENDAR_LINK_KEY: secret,
    AUTH_ISSUER: 'https://broker.example.invalid',
  };

  it('refuses to start the gateway in production without a database for the audit trail, naming DATABASE_URL', () => {
    expect(() => gatewayConfig(production)).toThrow(/DATABASE_URL: required in production/);
  });

  it('reads a key ring for the internal context, the first key current', () => {
    const other = Buffer.from('another-production-secret-32-byte').toString('base64url');
    const { internalContextKeys } = gatewayConfig({ INTERNAL_CONTEXT_KEY: `k2:${other},k1:${secret}` });
    expect(internalContextKeys.current).toBe('k2');
    expect(Object.keys(internalContextKeys.keys)).toEqual(['k2', 'k1']);
  });

  it('refuses a key ring holding the development internal-context key in production', () => {
    const ring = `k2:${secret},k1:${developmentKeys.internalContext}`;
    expect(() => gatewayConfig({ ...production, INTERNAL_CONTEXT_KEY: ring, DATABASE_URL: 'postgres://a@b.example.invalid/c' })).toThrow(/INTERNAL_CONTEXT_KEY/);
  });

  it('starts in production with keys, an issuer and an audit database of its own', () => {
    const config = gatewayConfig({ ...production, DATABASE_URL: 'postgres://audit@db.example.invalid/audit' });
    expect(config.env).toBe('production');
  });

  describe('Redis', () => {
    const sentinels = { REDIS_SENTINELS: 'redis-0.redis:26379,redis-1.redis:26379' };

    it('gives the Sentinel form a password for the primary and one for the Sentinels', () => {
      const env = { ...sentinels, REDIS_USERNAME: 'borger', REDIS_PASSWORD: 'primary-secret', REDIS_SENTINEL_PASSWORD: 'sentinel-secret' };
      expect(subgraphConfig('cases', env).cache.redis).toEqual({
        sentinels: [
          { host: 'redis-0.redis', port: 26379 },
          { host: 'redis-1.redis', port: 26379 },
        ],
        name: 'borger-graph',
        username: 'borger',
        password: 'primary-secret',
        sentinelPassword: 'sentinel-secret',
      });
    });

    it('adds REDIS_PASSWORD to a REDIS_URL that carries no credentials', () => {
      expect(gatewayConfig({ REDIS_URL: 'redis://cache.example.invalid:6379/0', REDIS_PASSWORD: 'secret' }).redis).toEqual({
        url: 'redis://cache.example.invalid:6379/0',
        password: 'secret',
      });
    });

    it('refuses REDIS_PASSWORD beside a REDIS_URL that carries credentials of its own, without showing either', () => {
      const env = { REDIS_URL: 'redis://:in-the-url-1234@cache.example.invalid:6379/0', REDIS_PASSWORD: 'given-apart-5678' };
      expect(() => gatewayConfig(env)).toThrow(ConfigError);
      expect(() => gatewayConfig(env)).toThrow(/REDIS_PASSWORD/);
      expect(() => gatewayConfig(env)).not.toThrow(/1234|5678/);
    });

    it('turns on TLS to the primary and the Sentinels with REDIS_TLS, trusting the CA in REDIS_TLS_CA_FILE', () => {
      const location = subgraphConfig('cases', { ...sentinels, REDIS_TLS: 'true', REDIS_TLS_CA_FILE: '/etc/redis-ca/ca.pem' }).cache.redis;
      expect(location).toMatchObject({ tls: { caFile: '/etc/redis-ca/ca.pem' } });
    });

    it('takes TLS from a rediss:// URL without REDIS_TLS', () => {
      expect(gatewayConfig({ REDIS_URL: 'rediss://cache.example.invalid:6380/0' }).redis).toEqual({ url: 'rediss://cache.example.invalid:6380/0', tls: {} });
    });

    it('connects without TLS or credentials by default', () => {
      expect(gatewayConfig({ REDIS_URL: 'redis://cache.example.invalid:6379/0' }).redis).toEqual({ url: 'redis://cache.example.invalid:6379/0' });
    });

    it('refuses REDIS_TLS_CA_FILE when TLS is off', () => {
      expect(() => gatewayConfig({ REDIS_URL: 'redis://cache.example.invalid:6379/0', REDIS_TLS_CA_FILE: '/etc/redis-ca/ca.pem' })).toThrow(/REDIS_TLS_CA_FILE/);
    });
  });

  it('is documented in the README, every setting (run `npm run docs` after a change)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withConfigTable(readme)).toBe(readme);
    for (const name of Object.keys(settings)) expect(readme).toContain(`| \`${name}\``);
  });
});
