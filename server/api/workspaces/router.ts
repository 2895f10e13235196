/** /api/workspaces — investigations saved on the server by name. */
import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../../http/validate.ts';
import { WorkspaceInput, WorkspaceName, type WorkspaceStore } from './workspace-store.ts';

export const WorkspaceParam = z.object({ name: WorkspaceName });

export function workspacesRouter(workspaces: WorkspaceStore): Router {
  return Router()
    .get('/workspaces', async (_req, res) => {
      res.json({ workspaces: await workspaces.list() });
    })
    .get('/workspaces/:name', async (req, res) => {
      const { name } = parseInput(WorkspaceParam, req.params, 'workspace name');
      res.json(await workspaces.get(name));
    })
    .put('/workspaces/:name', async (req, res) => {
      const { name } = parseInput(WorkspaceParam, req.params, 'workspace name');
      res.json(await workspaces.save(name, parseInput(WorkspaceInput, req.body, 'workspace')));
    })
    .delete('/workspaces/:name', async (req, res) => {
      const { name } = parseInput(WorkspaceParam, req.params, 'workspace name');
      await workspaces.delete(name);
      res.status(204).end();
    });
}
