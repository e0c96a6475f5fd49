import { CheckpointSchedule } from './checkpoints';

const head = (seq: number) => ({ seq, hash: `hash-${seq}` });

/** A schedule whose signatures are the sequence numbers it signed, in order. */
function schedule(intervalMs: number) {
  const signed: number[] = [];
  return { signed, schedule: new CheckpointSchedule(({ seq }) => signed.push(seq), intervalMs) };
}

describe('the checkpoint schedule', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('signs the first head after a quiet spell at once', () => {
    const { signed, schedule: checkpoints } = schedule(1000);
    checkpoints.head(head(1));
    expect(signed).toEqual([1]);
  });

  it('signs only the newest of the heads a busy interval brings, at its end', () => {
    const { signed, schedule: checkpoints } = schedule(1000);
    for (const seq of [1, 2, 3, 4]) checkpoints.head(head(seq));
    expect(signed).toEqual([1]);
    jest.advanceTimersByTime(1000);
    expect(signed).toEqual([1, 4]);
  });

  it('keeps signing once an interval while the heads keep coming', () => {
    const { signed, schedule: checkpoints } = schedule(1000);
    checkpoints.head(head(1));
    checkpoints.head(head(2));
    jest.advanceTimersByTime(1000);
    checkpoints.head(head(3));
    expect(signed).toEqual([1, 2]);
    jest.advanceTimersByTime(1000);
    expect(signed).toEqual([1, 2, 3]);
  });

  it('signs at once again after an interval with no new head', () => {
    const { signed, schedule: checkpoints } = schedule(1000);
    checkpoints.head(head(1));
    jest.advanceTimersByTime(1000);
    checkpoints.head(head(2));
    expect(signed).toEqual([1, 2]);
  });

  it('signs the waiting head when flushed, on shutdown', () => {
    const { signed, schedule: checkpoints } = schedule(1000);
    checkpoints.head(head(1));
    checkpoints.head(head(2));
    checkpoints.flush();
    expect(signed).toEqual([1, 2]);
    jest.advanceTimersByTime(5000);
    expect(signed).toEqual([1, 2]);
  });

  it('signs every head with an interval of 0', () => {
    const { signed, schedule: checkpoints } = schedule(0);
    for (const seq of [1, 2, 3]) checkpoints.head(head(seq));
    expect(signed).toEqual([1, 2, 3]);
  });
});
