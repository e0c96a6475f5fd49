import { safeLink } from './safe-link';

const hosts = ['www.sundhed.dk'];

describe('a change link from a source system', () => {
  it('is kept when it is https on an allowed host', () => {
    expect(safeLink('https://www.sundhed.dk/aftaler/123', hosts)).toBe('https://www.sundhed.dk/aftaler/123');
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['plain http', 'http://www.sundhed.dk/aftaler/123'],
    ['another host', 'https://sundhed.dk.evil.example/aftaler'],
    ['credentials in it', 'https://user:pass@www.sundhed.dk/'],
    ['not a URL', 'se sundhed.dk'],
  ])('is dropped when it is %s', (_, url) => {
    expect(safeLink(url, hosts)).toBeNull();
  });

  it('is nothing when the source gave none', () => {
    expect(safeLink(null, hosts)).toBeNull();
  });
});
