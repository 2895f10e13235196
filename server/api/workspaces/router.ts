/** /api/workspaces — investigations saved on the server by name. */
import { z } from 'zod';
import { ErrorSchema } from '../schemas.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { Workspace, WorkspaceInput, WorkspaceName, WorkspaceSummary } from '../../workspaces/workspace-store.ts';
import { DamagedFileSchema } from '../../model/wire.ts';

export const WorkspaceParam = z.object({ name: WorkspaceName });
const params = { schema: WorkspaceParam, what: 'workspace name' };

export const workspacesRoutes = [
  defineRoute({
    method: 'get',
    path: '/workspaces',
    permission: 'workspaces:read',
    summary: 'Saved investigations, newest first',
    output: {
      status: 200,
      description: 'the list, and the files that could not be read',
      schema: z.object({
        workspaces: z.array(WorkspaceSummary),
        damaged: z.array(DamagedFileSchema).describe('workspace files the server could not read, with why'),
      }),
    },
    errors: { ...failures },
    handler: async (_input, { workspaces }) => workspaces.listWithDamage(),
  }),
  defineRoute({
    method: 'get',
    path: '/workspaces/:name',
    permission: 'workspaces:read',
    audit: { action: 'workspace.open', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'One saved investigation: canvas with positions, view, filters, camera, selection',
    input: { params },
    output: { status: 200, description: 'the workspace', schema: Workspace },
    errors: { 404: errors[404], ...failures },
    handler: ({ params }, { workspaces }) => workspaces.get(params.name),
  }),
  defineRoute({
    method: 'put',
    path: '/workspaces/:name',
    permission: 'workspaces:write',
    audit: { action: 'workspace.save', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'Save (or replace) an investigation under a name',
    input: { params, body: { schema: WorkspaceInput, what: 'workspace' } },
    output: { status: 200, description: 'the workspace as saved', schema: Workspace },
    errors: {
      400: errors[400],
      409: json(ErrorSchema, 'workspace_limit: WORKSPACE_MAX_COUNT workspaces are saved already'),
      ...failures,
      413: json(ErrorSchema, 'too_large: the workspace is larger than WORKSPACE_MAX_BYTES'),
    },
    handler: ({ params, body }, { workspaces }) => workspaces.save(params.name, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/workspaces/:name',
    permission: 'workspaces:write',
    audit: { action: 'workspace.delete', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'Delete a saved investigation',
    input: { params },
    output: { status: 204, description: 'deleted' },
    errors: { 404: errors[404], ...failures },
    handler: async ({ params }, { workspaces }) => {
      await workspaces.delete(params.name);
    },
  }),
];
