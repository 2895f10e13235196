/**
 * Investigations saved by name: one JSON file per workspace in DATA_DIR/workspaces, written whole
 * through writeFileDurably (checked, fsynced, renamed into place) so a crash or a full disk never
 * leaves half a file: a save that cannot be written is 507 and the previous version stays. The server keeps what the client
 * sends (graph with positions, filters, view, camera) without interpreting it beyond its shape,
 * so a workspace reopens exactly as it was left.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { removeStrayTemps, writeFileDurably } from '../../files/durable-write.ts';
import { SubgraphShape } from '../schemas.ts';

export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const WorkspaceName = z.string().regex(WORKSPACE_NAME, 'lower-case letters, digits and -, up to 64 characters');

export const WorkspaceInput = z
  .object({
    title: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, 'one line'),
    graph: z.object(SubgraphShape).describe('the canvas: nodes with x, y (and pinned, hidden) and edges'),
    view: z.enum(['network', 'routes']).default('network'),
    filters: z.record(z.string(), z.unknown()).default({}),
    camera: z.object({ x: z.number(), y: z.number(), ratio: z.number().positive(), angle: z.number().default(0) }).optional(),
    /** the graph extent the camera is relative to (sigma's custom bounding box) */
    bbox: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }).optional(),
    selected: z.string().max(300).nullable().default(null),
  })
  .meta({ id: 'WorkspaceInput' });
export type WorkspaceInput = z.infer<typeof WorkspaceInput>;

export const Workspace = WorkspaceInput.extend({ name: WorkspaceName, savedAt: z.string() }).meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceSummary = z
  .object({ name: z.string(), title: z.string(), savedAt: z.string(), nodes: z.number().int(), edges: z.number().int() })
  .meta({ id: 'WorkspaceSummary' });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export class WorkspaceStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'workspaces');
    removeStrayTemps(this.dir);
  }

  private file(name: string): string {
    if (!WORKSPACE_NAME.test(name)) throw new AppError('not_found', `no workspace ${name}`);
    return path.join(this.dir, `${name}.json`);
  }

  get(name: string): Workspace {
    const file = this.file(name);
    if (!existsSync(file)) throw new AppError('not_found', `no workspace ${name}`, { name });
    const parsed = Workspace.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new AppError('internal', `the workspace file ${name}.json is damaged`, { name });
    return parsed.data;
  }

  list(): WorkspaceSummary[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && WORKSPACE_NAME.test(f.slice(0, -5)))
      .flatMap((f) => {
        try {
          const w = this.get(f.slice(0, -5));
          return [{ name: w.name, title: w.title, savedAt: w.savedAt, nodes: w.graph.nodes.length, edges: w.graph.edges.length }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  save(name: string, input: WorkspaceInput): Workspace {
    const file = this.file(name);
    const workspace: Workspace = { ...input, name, savedAt: new Date().toISOString() };
    writeFileDurably(file, JSON.stringify(workspace), 'the workspace');
    return workspace;
  }

  delete(name: string): void {
    const file = this.file(name);
    if (!existsSync(file)) throw new AppError('not_found', `no workspace ${name}`, { name });
    rmSync(file);
  }
}
