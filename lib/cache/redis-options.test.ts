import { redisOptions } from './redis-options';

describe('the Redis client options', () => {
  const noFile = (path: string): Buffer => {
    throw new Error(`read ${path}`);
  };
  const sentinels = [{ host: 'redis-0.redis', port: 26379 }];

  it('leave a plain URL to itself', () => {
    expect(redisOptions({ url: 'redis://cache.example.invalid:6379/0' }, noFile)).toEqual({});
  });

  it('give the primary its username and password', () => {
    expect(redisOptions({ url: 'redis://cache.example.invalid:6379/0', username: 'borger', password: 'pw' }, noFile)).toEqual({
      username: 'borger',
      password: 'pw',
    });
  });

  it('give the Sentinels their own password, and the primary its own', () => {
    const options = redisOptions({ sentinels, name: 'borger-graph', password: 'primary-pw', sentinelPassword: 'sentinel-pw' }, noFile);
    expect(options).toMatchObject({ sentinels, name: 'borger-graph', password: 'primary-pw', sentinelPassword: 'sentinel-pw' });
  });

  it('speak TLS to the primary that the Sentinels name, and to the Sentinels', () => {
    const options = redisOptions({ sentinels, name: 'borger-graph', tls: {} }, noFile);
    expect(options).toMatchObject({ tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true });
  });

  it('speak plain TCP to the Sentinels and the primary when TLS is off', () => {
    const options = redisOptions({ sentinels, name: 'borger-graph' }, noFile);
    expect(options).not.toHaveProperty('tls');
    expect(options).not.toHaveProperty('sentinelTLS');
    expect(options).toMatchObject({ enableTLSForSentinelMode: false });
  });

  it('trust the CA file given, for the primary and the Sentinels', () => {
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\n...');
    const read = (path: string) => (path === '/etc/redis-ca/ca.pem' ? ca : noFile(path));
    const options = redisOptions({ sentinels, name: 'borger-graph', tls: { caFile: '/etc/redis-ca/ca.pem' } }, read);
    expect(options).toMatchObject({ tls: { ca }, sentinelTLS: { ca } });
  });

  it('speak TLS to a redis:// URL when told to', () => {
    expect(redisOptions({ url: 'redis://cache.example.invalid:6379/0', tls: {} }, noFile)).toEqual({ tls: {} });
  });
});
