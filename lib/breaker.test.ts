import { CircuitBreaker } from './breaker';

function breaker() {
  let now = 0;
  const subject = new CircuitBreaker('test-index', { failureThreshold: 3, openMs: 1000, now: () => now });
  return { subject, advance: (ms: number) => (now += ms) };
}

describe('the circuit breaker', () => {
  it('lets calls through while the index answers', () => {
    const { subject } = breaker();
    subject.failed();
    subject.failed();
    subject.succeeded();
    subject.failed();
    expect(subject.allow()).toBe(true);
  });

  it('opens after the threshold of consecutive failures and then refuses at once', () => {
    const { subject } = breaker();
    for (let failure = 0; failure < 3; failure += 1) subject.failed();
    expect(subject.current).toBe('open');
    expect(subject.allow()).toBe(false);
  });

  it('lets one probe through after the pause', () => {
    const { subject, advance } = breaker();
    for (let failure = 0; failure < 3; failure += 1) subject.failed();
    advance(1000);
    expect(subject.allow()).toBe(true);
    expect(subject.allow()).toBe(false);
  });

  it('closes when the probe succeeds', () => {
    const { subject, advance } = breaker();
    for (let failure = 0; failure < 3; failure += 1) subject.failed();
    advance(1000);
    subject.allow();
    subject.succeeded();
    expect(subject.current).toBe('closed');
    expect(subject.allow()).toBe(true);
  });

  it('opens again when the probe fails', () => {
    const { subject, advance } = breaker();
    for (let failure = 0; failure < 3; failure += 1) subject.failed();
    advance(1000);
    subject.allow();
    subject.failed();
    expect(subject.current).toBe('open');
    expect(subject.allow()).toBe(false);
  });
});
