import { parseFaults } from './faults';

describe('the faults a developer asks the simulator for', () => {
  it('are read per index', () => {
    expect(parseFaults('payments=hang, cases=latency:300')).toEqual([
      { index: 'payments', source: null, fault: { kind: 'hang' } },
      { index: 'cases', source: null, fault: { kind: 'latency', ms: 300 } },
    ]);
  });

  it('can target one appointment source system', () => {
    expect(parseFaults('appointments/SOLTEQ_TAND=garbage')).toEqual([{ index: 'appointments', source: 'SOLTEQ_TAND', fault: { kind: 'garbage' } }]);
  });

  it('refuse a source system on an index that has none', () => {
    expect(() => parseFaults('cases/NSP=hang')).toThrow(/only appointments has source systems/);
  });

  it('refuse a fault they do not know, naming the ones they do', () => {
    expect(() => parseFaults('cases=explode')).toThrow(/latency:<ms>, hang, error:<status>, malformed, reset, garbage/);
  });
});
