/** /api/workspaces — investigations saved on the server by name. */
import { z } from 'zod';
import { ErrorSchema } from '../schemas.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { Workspace, WorkspaceInput, WorkspaceName, WorkspaceSummary } from '../../workspaces/workspace-store.ts';
import { DamagedFileSchema } from '../../model/wire.ts';
import { deleteAs, listFor, openFor, saveAs } from '../../workspaces/workspace-access.ts';

export const WorkspaceParam = z.object({ name: WorkspaceName });
const params = { schema: WorkspaceParam, what: 'workspace name' };

export const workspacesRoutes = [
  defineRoute({
    method: 'get',
    path: '/workspaces',
    permission: 'workspaces:read',
    summary: 'Saved investigations, newest first: the shared ones and the caller’s own',
    output: {
      status: 200,
      description: 'the list, and the files that could not be read',
      schema: z.object({
        workspaces: z.array(WorkspaceSummary),
        damaged: z.array(DamagedFileSchema).describe('workspace files the server could not read, with why'),
      }),
    },
    errors: { ...failures },
    handler: async (_input, { workspaces }, { actor }) => listFor(workspaces, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/workspaces/:name',
    permission: 'workspaces:read',
    audit: { action: 'workspace.open', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'One saved investigation: canvas with positions, view, filters, camera, selection',
    description:
      'A workspace neither shared nor the caller’s is 404, as a missing one. The canvas comes without the nodes and links marked above the caller’s clearance (and without the links to removed nodes).',
    input: { params },
    output: { status: 200, description: 'the workspace', schema: Workspace },
    errors: { 404: errors[404], ...failures },
    handler: ({ params }, { workspaces, store }, { actor }) => openFor(workspaces, store, params.name, actor),
  }),
  defineRoute({
    method: 'put',
    path: '/workspaces/:name',
    permission: 'workspaces:write',
    audit: { action: 'workspace.save', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'Save (or replace) an investigation under a name',
    description:
      'A new workspace is the caller’s (`owner`), shared with every reader only when `shared` is true; only its owner or an admin may replace it (403 forbidden).',
    input: { params, body: { schema: WorkspaceInput, what: 'workspace' } },
    output: { status: 200, description: 'the workspace as saved', schema: Workspace },
    errors: {
      400: errors[400],
      403: errors[403],
      409: json(ErrorSchema, 'workspace_limit: WORKSPACE_MAX_COUNT workspaces are saved already'),
      ...failures,
      413: json(ErrorSchema, 'too_large: the workspace is larger than WORKSPACE_MAX_BYTES'),
    },
    handler: ({ params, body }, { workspaces }, { actor }) => saveAs(workspaces, params.name, body, actor),
  }),
  defineRoute({
    method: 'delete',
    path: '/workspaces/:name',
    permission: 'workspaces:write',
    audit: { action: 'workspace.delete', note: ({ input }) => ({ targets: input && [input.params.name] }) },
    summary: 'Delete a saved investigation (its owner or an admin)',
    input: { params },
    output: { status: 204, description: 'deleted' },
    errors: { 403: errors[403], 404: errors[404], ...failures },
    handler: async ({ params }, { workspaces }, { actor }) => {
      await deleteAs(workspaces, params.name, actor);
    },
  }),
];
