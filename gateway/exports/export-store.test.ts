import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterId } from '../../lib/list';
import { csvCell } from './producer';
import { selectionOf, valuesAt } from './areas';
import { ExportStore, staleMs } from './export-store';

describe('the export store', () => {
  let dir: string;
  let now: Date;
  let store: ExportStore;
  const subject = 'cit_abcdefghijklmnopqrstuvwxyz012345';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-store-'));
    now = new Date('2026-11-23T12:00:00Z');
    store = new ExportStore(dir, () => now);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('expires a READY export at its time and the sweep deletes its file', async () => {
    const record = await store.create(subject, 'JSON', 'da');
    await writeFile(store.pathOf(record, `${record.id}.json`), '{}');
    await store.save({ ...record, status: 'READY', files: [{ name: `${record.id}.json`, area: null, items: 0 }], expiresAt: '2026-11-24T12:00:00.000Z' });
    expect((await store.get(subject, record.id))?.status).toBe('READY');
    now = new Date('2026-11-24T12:00:00Z');
    expect((await store.get(subject, record.id))?.status).toBe('EXPIRED');
    expect(await store.sweep()).toEqual({ expired: 1, removed: 0 });
    expect(await readdir(join(dir, subject))).toEqual([`${record.id}.meta.json`]);
    expect((await store.list(subject)).map((each) => each.status)).toEqual(['EXPIRED']);
  });

  it('shows an export cut off by a restart as FAILED (INTERRUPTED)', async () => {
    const record = await store.create(subject, 'CSV', 'da');
    now = new Date(now.getTime() + staleMs + 1);
    expect(await store.get(subject, record.id)).toMatchObject({ status: 'FAILED', failure: 'INTERRUPTED' });
  });

  it('finds nothing for another citizen or a malformed id', async () => {
    const record = await store.create(subject, 'JSON', 'da');
    expect(await store.get('cit_someoneelse', record.id)).toBeNull();
    expect(await store.get(subject, '../etc/passwd')).toBeNull();
  });
});

describe('export helpers', () => {
  it('pages after an id and refuses an unknown one', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(afterId(items, null, (item) => item.id)).toEqual(items);
    expect(afterId(items, 'b', (item) => item.id)).toEqual([{ id: 'c' }]);
    expect(() => afterId(items, 'x', (item) => item.id)).toThrow();
  });

  it('builds selections and reads values through lists', () => {
    expect(selectionOf(['id', 'kle.code', 'kle.name', 'documents.id'])).toBe('id kle { code name } documents { id }');
    expect(valuesAt({ documents: [{ id: 'D1' }, { id: 'D2' }], kle: null }, 'documents.id')).toEqual(['D1', 'D2']);
    expect(valuesAt({ kle: null }, 'kle.code')).toEqual([]);
  });

  it('writes CSV cells safely', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(null)).toBe('');
  });
});
