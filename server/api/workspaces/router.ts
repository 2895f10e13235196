/** /api/workspaces — investigations saved on the server by name. */
import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '../../http/validate.ts';
import { WorkspaceInput, WorkspaceName, type WorkspaceStore } from './workspace-store.ts';

export const WorkspaceParam = z.object({ name: WorkspaceName });

export function workspacesRouter(workspaces: WorkspaceStore): Router {
  return Router()
    .get('/workspaces', (_req, res) => {
      res.json({ workspaces: workspaces.list() });
    })
    .get('/workspaces/:name', (req, res) => {
      const { name } = parseInput(WorkspaceParam, req.params, 'workspace name');
      res.json(workspaces.get(name));
    })
    .put('/workspaces/:name', (req, res) => {
      const { name } = parseInput(WorkspaceParam, req.params, 'workspace name');
      res.json(workspaces.save(name, parseInput(WorkspaceInput, req.body, 'workspace')));
    })
    .delete('/workspaces/:name', (req, res) => {
      const { name } = parseInput(WorkspaceParam, req.params, 'workspace name');
      workspaces.delete(name);
      res.status(204).end();
    });
}
