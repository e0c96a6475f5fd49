import { Admission, NotAdmitted } from './admission';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('admission of GraphQL work', () => {
  it('admits up to its limit at once and lets the next wait until a slot is free', async () => {
    const admission = new Admission({ active: 2, queued: 5, waitMs: 1000 });
    const first = await admission.enter();
    await admission.enter();
    let thirdAdmitted = false;
    const third = admission.enter().then((release) => {
      thirdAdmitted = true;
      return release;
    });
    await settle();
    expect(thirdAdmitted).toBe(false);
    first();
    (await third)();
    expect(thirdAdmitted).toBe(true);
  });

  it('refuses at once when the queue is full', async () => {
    const admission = new Admission({ active: 1, queued: 1, waitMs: 1000 });
    const release = await admission.enter();
    const waiting = admission.enter();
    await expect(admission.enter()).rejects.toEqual(new NotAdmitted('queue_full'));
    release();
    (await waiting)();
  });

  it('refuses a request that waited longer than it may', async () => {
    const admission = new Admission({ active: 1, queued: 1, waitMs: 20 });
    const release = await admission.enter();
    await expect(admission.enter()).rejects.toEqual(new NotAdmitted('waited_too_long'));
    release();
  });

  it('gives a freed slot to the first in the queue, not to a newcomer', async () => {
    const admission = new Admission({ active: 1, queued: 2, waitMs: 1000 });
    const release = await admission.enter();
    const order: string[] = [];
    const queued = admission.enter().then((next) => {
      order.push('queued');
      return next;
    });
    release();
    const newcomer = admission.enter().then((next) => {
      order.push('newcomer');
      return next;
    });
    (await queued)();
    (await newcomer)();
    expect(order).toEqual(['queued', 'newcomer']);
  });

  it('takes a slot back only once, however often it is given back', async () => {
    const admission = new Admission({ active: 1, queued: 0, waitMs: 1000 });
    const release = await admission.enter();
    release();
    release();
    await admission.enter();
    await expect(admission.enter()).rejects.toEqual(new NotAdmitted('queue_full'));
  });
});
