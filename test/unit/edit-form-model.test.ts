/**
 * The client's entity and link forms as data, from the real domain schema (describeSchema is what
 * /api/schema serves): fields by type, the form's text back to a record, what an edit changes,
 * provenance rules, the link kinds two node kinds allow, and the server's issues put by field.
 * Here rather than in client/test: it reads the schema module, which client code may not import.
 */
import { describe, expect, it } from 'vitest';
import { describeSchema } from '../../server/model/schema.ts';
import {
  allowedRelKinds,
  changedValues,
  editableRecord,
  fieldsOf,
  initialProvenance,
  initialValues,
  issuesByField,
  newSourcesOf,
  parseList,
  provenanceErrors,
  provenanceRecord,
  reversedRelKinds,
  sameValue,
  tlpOptions,
  toRecordValues,
  widgetOf,
  type ProvenanceValues,
} from '../../client/src/core/edit/form-model.ts';

const schema = describeSchema();
const kind = (k: string) => {
  const found = schema.nodeKinds.find((n) => n.kind === k);
  if (!found) throw new Error(`no kind ${k}`);
  return found;
};
const fields = (k: string) => fieldsOf(kind(k).properties);

describe('fields from the schema', () => {
  it('gives every property its widget by type: enums a select with their values, numbers, dates, lists', () => {
    const op = Object.fromEntries(fields('Operation').map((f) => [f.name, f]));
    expect(op.name).toMatchObject({ widget: 'text', required: true });
    expect(op.description).toMatchObject({ widget: 'longtext', required: false });
    expect(op.aliases).toMatchObject({ widget: 'list', required: false });
    expect(op.scope).toMatchObject({ widget: 'select', options: ['global', 'regional', 'national'], required: false });
    expect(op.date).toMatchObject({ widget: 'date' });
    expect(op.arrests).toMatchObject({ widget: 'integer' });
    const region = Object.fromEntries(fields('Region').map((f) => [f.name, f]));
    expect(region.victimShare).toMatchObject({ widget: 'number' });
    expect(region.hubStatus).toMatchObject({ widget: 'select', required: true });
    expect(widgetOf({ name: 'flag', type: 'BOOLEAN' })).toBe('boolean');
  });

  it('leaves out the id (the server makes it) and provenance (its own section)', () => {
    const names = fields('Centre').map((f) => f.name);
    expect(names).toEqual(['name', 'aliases', 'description', 'status', 'workforce', 'city']);
    for (const k of schema.nodeKinds)
      for (const f of fieldsOf(k.properties))
        expect(['id', 'sourceIds', 'grade', 'tlp', 'firstSeen', 'lastSeen', 'synthetic']).not.toContain(f.name);
  });

  it('marks required what the schema requires: a facilitator’s role, not its gender (defaulted)', () => {
    const f = Object.fromEntries(fields('Facilitator').map((x) => [x.name, x.required]));
    expect(f).toMatchObject({ name: true, role: true, gender: false, ageBand: false, aliases: false });
  });
});

describe('form values to a record', () => {
  const centre = fields('Centre');

  it('converts text to numbers and lists, and leaves out empty optional fields of a new record', () => {
    const values = {
      ...initialValues(centre),
      name: ' KK Park ',
      status: 'active',
      workforce: '1200',
      aliases: ['KK'],
    };
    expect(toRecordValues(centre, values, 'create')).toEqual({
      values: { name: 'KK Park', status: 'active', workforce: 1200, aliases: ['KK'] },
      errors: {},
    });
  });

  it('sends a cleared optional field as null when editing, so the edit clears it', () => {
    const values = initialValues(centre, { name: 'KK Park', status: 'raided', workforce: 10, city: 'Myawaddy' });
    expect(values.workforce).toBe('10');
    const out = toRecordValues(centre, { ...values, city: '' }, 'edit');
    expect(out.values).toMatchObject({ city: null, workforce: 10 });
  });

  it('says what is wrong, by field: a missing required value, a fraction for a count, a value not offered', () => {
    const out = toRecordValues(centre, { name: '', status: 'closed', workforce: '2.5', aliases: [] }, 'create');
    expect(out.errors).toEqual({
      name: 'required',
      status: 'one of active, suspected, raided, dismantled',
      workforce: 'a whole number',
    });
    expect(toRecordValues(fields('Operation'), { name: 'x', date: '3 May' }, 'create').errors).toEqual({
      date: 'a date, YYYY-MM-DD',
    });
    expect(
      toRecordValues(fields('Region'), { name: 'x', hubStatus: 'original', victimShare: 'half' }, 'create').errors,
    ).toEqual({
      victimShare: 'a number',
    });
  });

  it('splits comma lists, trimmed, without empties or repeats', () => {
    expect(parseList(' a, b,, a ,c ')).toEqual(['a', 'b', 'c']);
    expect(parseList(' , ')).toEqual([]);
  });
});

describe('what an edit changes', () => {
  it('sends only the properties that differ; missing, null, empty text and [] are the same nothing', () => {
    const original = { name: 'A', aliases: ['x'], city: 'Y', grade: 'B2' };
    expect(changedValues({ name: 'A', aliases: ['x'], city: 'Z', grade: 'B2', workforce: null }, original)).toEqual({
      city: 'Z',
    });
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue([], undefined)).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('starts from the details answers: attributes without the canvas’s, sources by id', () => {
    const record = editableRecord(
      { kind: 'Centre', label: 'A', name: 'A', status: 'active', x: 1, y: 2, fixed: true, sourceIds: ['source:old'] },
      {
        sources: [{ id: 'source:a' }],
        grade: 'A1',
        tlp: 'GREEN',
        firstSeen: '2024-01-01',
        lastSeen: null,
        excerpt: 'quoted',
      },
    );
    expect(record).toEqual({
      kind: 'Centre',
      name: 'A',
      status: 'active',
      sourceIds: ['source:a'],
      grade: 'A1',
      tlp: 'GREEN',
      firstSeen: '2024-01-01',
      lastSeen: null,
      excerpt: 'quoted',
    });
  });
});

describe('provenance', () => {
  const base = (over: Partial<ProvenanceValues> = {}): ProvenanceValues => ({
    ...initialProvenance('AMBER'),
    sourceIds: ['source:a'],
    ...over,
  });

  it('offers no marking above the user’s clearance', () => {
    expect(tlpOptions('GREEN')).toEqual(['CLEAR', 'GREEN']);
    expect(tlpOptions('RED')).toEqual(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED']);
    // an entity marked above the editor’s clearance starts at the lowest offered, never above
    expect(initialProvenance('GREEN', { tlp: 'RED' }).tlp).toBe('CLEAR');
    expect(initialProvenance('RED', { tlp: 'AMBER', grade: 'C4' })).toMatchObject({
      tlp: 'AMBER',
      reliability: 'C',
      credibility: '4',
    });
  });

  it('requires a source, cited or new, and checks dates, excerpt length, marking and each new source', () => {
    expect(provenanceErrors(base(), 'AMBER')).toEqual({});
    expect(provenanceErrors(base({ sourceIds: [] }), 'AMBER')).toHaveProperty('sources');
    expect(
      provenanceErrors(
        base({
          sourceIds: [],
          newSources: [{ name: 'T', publisher: 'P', published: '2024-05', url: '', tlp: 'CLEAR' }],
        }),
        'AMBER',
      ),
    ).toEqual({});
    expect(provenanceErrors(base({ firstSeen: '2024-05-01', lastSeen: '2024-01-01' }), 'AMBER')).toEqual({
      lastSeen: 'before first seen',
    });
    expect(provenanceErrors(base({ excerpt: 'x'.repeat(5001) }), 'AMBER')).toHaveProperty('excerpt');
    expect(provenanceErrors(base({ tlp: 'RED' }), 'AMBER')).toHaveProperty('tlp');
    const bad = provenanceErrors(
      base({ newSources: [{ name: ' ', publisher: '', published: 'May 2024', url: '', tlp: 'RED' }] }),
      'AMBER',
    );
    expect(Object.keys(bad).sort()).toEqual([
      'newSources.0.name',
      'newSources.0.published',
      'newSources.0.publisher',
      'newSources.0.tlp',
    ]);
  });

  it('becomes the record’s provenance properties and the request’s newSources', () => {
    const p = base({
      reliability: 'C',
      credibility: '3',
      firstSeen: '2024-01-01',
      newSources: [{ name: ' Report ', publisher: 'UNODC', published: '2024', url: ' ', tlp: 'GREEN' }],
    });
    expect(provenanceRecord(p)).toEqual({
      sourceIds: ['source:a'],
      grade: 'C3',
      tlp: 'CLEAR',
      firstSeen: '2024-01-01',
      lastSeen: null,
      excerpt: null,
    });
    expect(newSourcesOf(p)).toEqual([
      { name: 'Report', publisher: 'UNODC', published: '2024', url: null, grade: 'B2', tlp: 'GREEN' },
    ]);
  });
});

describe('link kinds', () => {
  it('offers only the kinds the schema allows from one node kind to the other', () => {
    expect(allowedRelKinds(schema, 'Country', 'Centre').map((r) => r.kind)).toEqual(['TRAFFICKED_TO']);
    expect(allowedRelKinds(schema, 'Centre', 'Country').map((r) => r.kind)).toContain('LOCATED_IN');
    expect(allowedRelKinds(schema, 'Centre', 'Country').map((r) => r.kind)).not.toContain('TRAFFICKED_TO');
    for (const r of allowedRelKinds(schema, 'Facilitator', 'Centre'))
      expect(r.endpoints).toContainEqual({ from: 'Facilitator', to: 'Centre' });
  });

  it('finds none where the model has none, and the other way round when that is what it allows', () => {
    expect(allowedRelKinds(schema, 'ScamType', 'Notice')).toEqual([]);
    expect(allowedRelKinds(schema, 'Centre', 'Country').map((r) => r.kind)).not.toContain('TRAFFICKED_TO');
    expect(reversedRelKinds(schema, 'Centre', 'Country').map((r) => r.kind)).toEqual(['TRAFFICKED_TO']);
  });
});

describe('the server’s issues by field', () => {
  const known = ['name', 'status', 'tlp', 'firstSeen', 'lastSeen', 'grade', 'excerpt'];
  it('puts each issue under the field its path or message names, and keeps the rest general', () => {
    const out = issuesByField(
      {
        issues: [
          { path: 'nodes[0].name', message: 'Too small: expected string to have >=1 characters' },
          { path: 'record.status', message: 'Invalid option' },
          { path: 'nodes[0]', message: 'sourceIds: a non-synthetic fact must cite a source' },
          { path: 'newSources[1].published', message: 'YYYY, YYYY-MM or YYYY-MM-DD' },
          { path: 'nodes[0]', message: 'lastSeen is before firstSeen' },
          { path: 'relationships[0]', message: 'RAIDED cannot join Country to Centre' },
        ],
      },
      known,
    );
    expect(out.byField).toEqual({
      name: ['Too small: expected string to have >=1 characters'],
      status: ['Invalid option'],
      sources: ['a non-synthetic fact must cite a source'],
      'newSources.1.published': ['YYYY, YYYY-MM or YYYY-MM-DD'],
    });
    expect(out.general).toEqual([
      'nodes[0]: lastSeen is before firstSeen',
      'relationships[0]: RAIDED cannot join Country to Centre',
    ]);
  });

  it('has nothing to sort in a refusal without issues', () => {
    expect(issuesByField(null, known)).toEqual({ byField: {}, general: [] });
    expect(issuesByField({ clearance: 'GREEN' }, known)).toEqual({ byField: {}, general: [] });
  });
});
