import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kind, parse, print, visit, type ObjectTypeDefinitionNode } from 'graphql';
import { apiSchemaPath, checkSchema, deliberateChanges, deliberateChangesPath, noticeDays, releasedSchemaPath, type DeliberateChange } from './schema-check';

/** The committed API schema with one object type's fields edited through the AST. */
function editType(sdl: string, typeName: string, edit: (node: ObjectTypeDefinitionNode) => ObjectTypeDefinitionNode): string {
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition: (node) => (node.name.value === typeName ? edit(node) : undefined),
    }),
  );
}

const withoutField = (sdl: string, type: string, field: string) =>
  editType(sdl, type, (node) => ({ ...node, fields: node.fields?.filter((each) => each.name.value !== field) }));

const deprecating = (sdl: string, type: string, field: string) =>
  editType(sdl, type, (node) => ({
    ...node,
    fields: node.fields?.map((each) =>
      each.name.value === field ? { ...each, directives: [...(each.directives ?? []), { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'deprecated' } }] } : each,
    ),
  }));

const withField = (sdl: string, type: string, field: string) =>
  editType(sdl, type, (node) => ({
    ...node,
    fields: [
      ...(node.fields ?? []),
      { kind: Kind.FIELD_DEFINITION, name: { kind: Kind.NAME, value: field }, arguments: [], type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } }, directives: [] },
    ],
  }));

const daysBefore = (today: Date, days: number) => new Date(today.getTime() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('the breaking-change check of the published API schema', () => {
  const today = new Date('2027-06-01T12:00:00Z');
  let api: string;
  beforeAll(async () => {
    api = await readFile(apiSchemaPath, 'utf8');
  });

  it('passes the committed schema against the released one, with a valid list of deliberate changes', async () => {
    const { changes } = deliberateChanges.parse(JSON.parse(await readFile(deliberateChangesPath, 'utf8')));
    const result = await checkSchema(await readFile(releasedSchemaPath, 'utf8'), api, changes);
    expect(result.refused).toEqual([]);
  });

  it('reports a removed field as a breaking change', async () => {
    const result = await checkSchema(api, withoutField(api, 'AccessGrant', 'howToEnd'), [], today);
    expect(result.refused.map(({ change }) => [change.type, change.path])).toEqual([['FIELD_REMOVED', 'AccessGrant.howToEnd']]);
  });

  it('accepts the removal when listed, deprecated in the released schema at least six months ago', async () => {
    const released = deprecating(api, 'AccessGrant', 'howToEnd');
    const entry: DeliberateChange = { path: 'AccessGrant.howToEnd', type: 'FIELD_REMOVED', reason: 'replaced by a link', deprecatedOn: daysBefore(today, noticeDays) };
    const result = await checkSchema(released, withoutField(api, 'AccessGrant', 'howToEnd'), [entry], today);
    expect(result.refused).toEqual([]);
    expect(result.accepted.map(({ change }) => change.path)).toEqual(['AccessGrant.howToEnd']);
  });

  it('refuses a listed removal whose notice has not run out', async () => {
    const released = deprecating(api, 'AccessGrant', 'howToEnd');
    const entry: DeliberateChange = { path: 'AccessGrant.howToEnd', reason: 'replaced by a link', deprecatedOn: daysBefore(today, noticeDays - 1) };
    const result = await checkSchema(released, withoutField(api, 'AccessGrant', 'howToEnd'), [entry], today);
    expect(result.refused.map(({ why }) => why)).toEqual([expect.stringMatching(/the notice runs until/)]);
  });

  it('refuses a listed removal of a field that was never deprecated in the released schema', async () => {
    const entry: DeliberateChange = { path: 'AccessGrant.howToEnd', reason: 'replaced by a link', deprecatedOn: daysBefore(today, 400) };
    const result = await checkSchema(api, withoutField(api, 'AccessGrant', 'howToEnd'), [entry], today);
    expect(result.refused.map(({ why }) => why)).toEqual(['removed without being deprecated in the released schema first']);
  });

  it('lets an added field through', async () => {
    const result = await checkSchema(api, withField(api, 'AccessGrant', 'note'), [], today);
    expect(result.refused).toEqual([]);
    expect(result.safe.map((change) => change.path)).toEqual(['AccessGrant.note']);
  });

  it('fails `npm run schema:check` (exit 1) on a breaking change in a copy of the schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'schema-check-'));
    try {
      const current = join(dir, 'api.graphql');
      await writeFile(current, withoutField(api, 'AccessGrant', 'howToEnd'));
      const run = promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'scripts/schema-check.ts', '--current', current]);
      await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/BREAKING .*howToEnd/) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
