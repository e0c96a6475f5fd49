import { readDisclosureReport } from './disclosures';

const report = {
  shown: [{ citizen: 'cit_thomas', area: 'cases', ids: ['SAG-1', 'SAG-2'] }],
  purposes: [{ citizen: 'cit_thomas', purpose: 'VER-2026-0042' }],
};

describe("a subgraph's disclosure report, as the gateway reads it", () => {
  it('is taken as it came when every part is there', () => {
    expect(readDisclosureReport(report)).toEqual(report);
    expect(readDisclosureReport({ shown: [], purposes: [] })).toEqual({ shown: [], purposes: [] });
  });

  it.each([
    ['nothing at all', undefined],
    ['a list instead of a report', [report]],
    ['no list of what was shown', { purposes: [] }],
    ['no list of purposes', { shown: [] }],
    ['a disclosure without its citizen', { ...report, shown: [{ area: 'cases', ids: [] }] }],
    ['a disclosure with an empty area', { ...report, shown: [{ citizen: 'cit_thomas', area: '', ids: [] }] }],
    ['an id that is not text', { ...report, shown: [{ citizen: 'cit_thomas', area: 'cases', ids: [42] }] }],
    ['ids that are not a list', { ...report, shown: [{ citizen: 'cit_thomas', area: 'cases', ids: 'SAG-1' }] }],
    ['a purpose without its reason', { ...report, purposes: [{ citizen: 'cit_thomas' }] }],
  ])('is no report with %s', (_case, value) => {
    expect(readDisclosureReport(value)).toBeNull();
  });
});
