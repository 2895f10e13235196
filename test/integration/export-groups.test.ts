/**
 * Groups (combos) in exports, over HTTP: GEXF writes them as its hierarchy (a group node, `pid`
 * on each member) and networkx reads that back; ANX gives each member a Group attribute. A group
 * counts only what the recipient may see: a withheld member is neither listed nor counted. Bad
 * groups are refused with 400; the audit event says how many groups the export carried.
 * Workspaces keep the groups beside the graph.
 */
import { DOMParser } from '@xmldom/xmldom';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudit } from '../../server/audit/audit-log.ts';
import { startHarness, type Harness } from '../support/app-harness.ts';
import { exportGraph } from '../support/export-graph.ts';
import { binary } from '../support/export-request.ts';
import { hasPython, pythonRequired, readWithPython } from '../support/interop.ts';

let h: Harness;
const audit = new MemoryAudit();
const IDS = ['centre:alpha', 'centre:beta', 'centre:gamma', 'facilitator:f1', 'facilitator:f2', 'country:NA'];
const GROUPS = [
  { id: 'group~1', label: '3 Scam centres', members: ['centre:alpha', 'centre:beta', 'centre:gamma'] },
  { id: 'group~2', label: 'the recruiters', members: ['facilitator:f1', 'facilitator:f2'] },
];

beforeAll(async () => {
  h = await startHarness(exportGraph(), {
    actor: { name: 'Analyst One', role: 'analyst', clearance: 'RED', rawCypher: false, via: 'session' },
    audit,
  });
});
afterAll(async () => {
  await h?.close();
});

async function exportAs(body: object, status = 200): Promise<Buffer> {
  const res = await request(h.app).post('/api/export').send(body).buffer(true).parse(binary);
  expect(res.status, (res.body as Buffer).toString().slice(0, 300)).toBe(status);
  return res.body as Buffer;
}
const gexfNodes = (body: Buffer) => {
  const doc = new DOMParser().parseFromString(body.toString(), 'text/xml');
  return Array.from(doc.getElementsByTagName('node')).map((n) => ({
    id: n.getAttribute('id'),
    label: n.getAttribute('label'),
    pid: n.getAttribute('pid') || null,
  }));
};

describe('groups in GEXF', () => {
  it('writes a node per group and a pid on each member, and the audit event counts the groups', async () => {
    const before = audit.events.length;
    const body = await exportAs({ format: 'gexf', selection: { kind: 'ids', ids: IDS }, groups: GROUPS });
    const nodes = gexfNodes(body);
    expect(nodes.filter((n) => n.id?.startsWith('group~'))).toEqual([
      { id: 'group~1', label: '3 Scam centres', pid: null },
      { id: 'group~2', label: 'the recruiters', pid: null },
    ]);
    const pid = Object.fromEntries(nodes.map((n) => [n.id, n.pid]));
    expect(pid).toMatchObject({
      'centre:alpha': 'group~1',
      'centre:beta': 'group~1',
      'centre:gamma': 'group~1',
      'facilitator:f1': 'group~2',
      'facilitator:f2': 'group~2',
      'country:NA': null,
    });
    const event = audit.events.slice(before).find((e) => e.action === 'export');
    expect(event?.details).toMatchObject({ format: 'gexf', groups: 2 });
  });

  it('leaves a withheld member out of its group and recounts the label, naming nothing withheld', async () => {
    const body = await exportAs({
      format: 'gexf',
      selection: { kind: 'ids', ids: IDS },
      groups: GROUPS,
      recipientTlp: 'AMBER',
    });
    const text = body.toString();
    expect(text).not.toContain('centre:beta');
    expect(text).not.toContain('3 Scam centres');
    const nodes = gexfNodes(body);
    expect(nodes.find((n) => n.id === 'group~1')).toEqual({ id: 'group~1', label: '2 Scam centres', pid: null });
    // a group whose members are not in the export at all is not written
    const none = await exportAs({
      format: 'gexf',
      selection: { kind: 'ids', ids: ['country:NA'] },
      groups: GROUPS,
    });
    expect(gexfNodes(none).map((n) => n.id)).toEqual(['country:NA']);
  });

  it.runIf(hasPython || pythonRequired)('is read back by networkx: the group node and each member’s pid', async () => {
    const body = await exportAs({ format: 'gexf', selection: { kind: 'ids', ids: IDS }, groups: GROUPS });
    const read = readWithPython('networkx-gexf', body, 'gexf');
    expect(read.nodes['group~1']).toMatchObject({ label: '3 Scam centres' });
    expect(read.nodes['centre:alpha']).toMatchObject({ pid: 'group~1' });
    expect(read.nodes['facilitator:f2']).toMatchObject({ pid: 'group~2' });
    expect(read.nodes['country:NA']?.pid).toBeUndefined();
  });
});

describe('groups in ANX', () => {
  it('gives each member a Group attribute holding its group’s label', async () => {
    const body = await exportAs({ format: 'anx', selection: { kind: 'ids', ids: IDS }, groups: GROUPS });
    const doc = new DOMParser().parseFromString(body.toString(), 'text/xml');
    const groupClass = Array.from(doc.getElementsByTagName('AttributeClass')).find(
      (c) => c.getAttribute('Name') === 'Group',
    );
    expect(groupClass?.getAttribute('Id')).toBe('ACGroup');
    const groupOf = Object.fromEntries(
      Array.from(doc.getElementsByTagName('ChartItem')).map((item) => {
        const entity = item.getElementsByTagName('Entity')[0];
        const attr = Array.from(item.getElementsByTagName('Attribute')).find(
          (a) => a.getAttribute('AttributeClassReference') === 'ACGroup',
        );
        return [entity?.getAttribute('EntityId') ?? item.getAttribute('Id'), attr?.getAttribute('Value') ?? null];
      }),
    );
    expect(groupOf['centre:gamma']).toBe('3 Scam centres');
    expect(groupOf['facilitator:f1']).toBe('the recruiters');
    expect(groupOf['country:NA']).toBeNull();
  });
});

describe('bad groups', () => {
  it('refuses them with 400 validation_error, and writes nothing', async () => {
    const ok = GROUPS[0]!;
    for (const bad of [
      { ...ok, id: 'centre:alpha' },
      { ...ok, id: 'group~<x>' },
      { ...ok, id: `group~${'a'.repeat(65)}` },
      { ...ok, members: [] },
      { ...ok, members: [''] },
      { ...ok, label: 'x'.repeat(201) },
      { ...ok, members: 'centre:alpha' },
    ]) {
      const res = await request(h.app)
        .post('/api/export')
        .send({ format: 'gexf', selection: { kind: 'ids', ids: IDS }, groups: [bad] });
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|\/work\//);
    }
  });
});

describe('groups in workspaces', () => {
  const graph = {
    nodes: [
      { key: 'centre:alpha', attributes: { kind: 'Centre', label: 'Alpha', x: 0, y: 0 } },
      { key: 'centre:gamma', attributes: { kind: 'Centre', label: 'Gamma', x: 10, y: 0 } },
    ],
    edges: [],
  };
  const group = { id: 'group~1', label: '2 Scam centres', members: ['centre:alpha', 'centre:gamma'], x: 5, y: 0 };

  it('keeps the groups saved beside the graph, and audits the save', async () => {
    const before = audit.events.length;
    const saved = await request(h.app)
      .put('/api/workspaces/with-groups')
      .send({ title: 'grouped', graph, groups: [group] });
    expect(saved.status).toBe(200);
    const back = await request(h.app).get('/api/workspaces/with-groups').expect(200);
    expect(back.body.groups).toEqual([{ ...group, open: false }]);
    expect(back.body.graph).toEqual(graph);
    expect(audit.events.slice(before).map((e) => [e.action, e.targets])).toContainEqual([
      'workspace.save',
      ['with-groups'],
    ]);
    // workspaces saved before groups have none
    await request(h.app).put('/api/workspaces/no-groups').send({ title: 'plain', graph }).expect(200);
    expect((await request(h.app).get('/api/workspaces/no-groups').expect(200)).body.groups).toBeUndefined();
  });

  it('refuses a bad group with 400 validation_error', async () => {
    for (const bad of [
      { ...group, id: 'alpha' },
      { ...group, members: ['centre:alpha'] },
      { ...group, x: 'left' },
      { ...group, label: 'two\nlines' },
    ]) {
      const res = await request(h.app)
        .put('/api/workspaces/bad-groups')
        .send({ title: 't', graph, groups: [bad] });
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
    expect((await request(h.app).get('/api/workspaces/bad-groups')).status).toBe(404);
  });
});
