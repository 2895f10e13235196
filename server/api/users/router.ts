/** /api/users — accounts and their API tokens, for admins (users:manage). */
import { z } from 'zod';
import { whoOf } from '../../auth/user-admin.ts';
import { AccountNameSchema, ClearanceSchema, PasswordSchema, RoleSchema, UserViewSchema } from '../../model/account.ts';
import { errors, failures, json } from '../errors-doc.ts';
import { defineRoute } from '../route.ts';
import { ErrorSchema } from '../schemas.ts';

const params = { schema: z.object({ name: AccountNameSchema }), what: 'account name' };
const notFound = json(ErrorSchema, 'not_found: no such account (or token)');

const NewUserBody = z.object({
  name: AccountNameSchema,
  role: RoleSchema,
  clearance: ClearanceSchema,
  rawCypher: z.boolean().default(false).describe('may run Cypher the library did not write (cypher:raw)'),
  password: PasswordSchema.optional().describe('left out: a strong one is generated and answered once'),
});

const ChangeUserBody = z
  .object({
    role: RoleSchema.optional(),
    clearance: ClearanceSchema.optional(),
    rawCypher: z.boolean().optional(),
    disabled: z.boolean().optional().describe('true ends the account’s sessions and tokens at once'),
    password: PasswordSchema.optional().describe('a new password, set by the admin'),
  })
  .strict();

export const usersRoutes = [
  defineRoute({
    method: 'get',
    path: '/users',
    permission: 'users:manage',
    summary: 'Every account, with its tokens (ids and labels; never the tokens themselves)',
    output: { status: 200, description: 'the accounts', schema: z.object({ users: z.array(UserViewSchema) }) },
    errors: { ...failures },
    handler: (_input, { auth }) => ({ users: auth.users.list() }),
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    permission: 'users:manage',
    summary: 'Add an account',
    input: { body: { schema: NewUserBody, what: 'account' } },
    output: {
      status: 201,
      description: 'added; `password` is the generated one, shown this once, when none was given',
      schema: z.object({ user: UserViewSchema, password: z.string().optional() }),
    },
    errors: { 400: errors[400], 409: json(ErrorSchema, 'conflict: an account of that name exists'), ...failures },
    handler: ({ body }, { auth }, { req, actor }) =>
      auth.users.add({ ...body, password: body.password ?? 'generate' }, whoOf(actor, req.ip ?? null)),
  }),
  defineRoute({
    method: 'patch',
    path: '/users/:name',
    permission: 'users:manage',
    summary: 'Change an account: role, clearance, raw Cypher, disabled, password',
    input: { params, body: { schema: ChangeUserBody, what: 'account change' } },
    output: { status: 200, description: 'the account as changed', schema: UserViewSchema },
    errors: {
      400: errors[400],
      404: notFound,
      409: json(ErrorSchema, 'conflict: the change would leave no enabled admin'),
      ...failures,
    },
    handler: ({ params, body }, { auth }, { req, actor }) =>
      auth.users.change(params.name, body, whoOf(actor, req.ip ?? null)),
  }),
  defineRoute({
    method: 'post',
    path: '/users/:name/tokens',
    permission: 'users:manage',
    summary: 'Make an API token for an account (Authorization: Bearer …)',
    input: {
      params,
      body: { schema: z.object({ label: z.string().max(200).default('') }), what: 'token', orEmpty: true },
    },
    output: {
      status: 201,
      description: 'the token, shown this once; only its SHA-256 is kept',
      schema: z.object({ id: z.string(), token: z.string() }),
    },
    errors: { 400: errors[400], 404: notFound, ...failures },
    handler: ({ params, body }, { auth }, { req, actor }) =>
      auth.users.createToken(params.name, body.label, whoOf(actor, req.ip ?? null)),
  }),
  defineRoute({
    method: 'delete',
    path: '/users/:name/tokens/:id',
    permission: 'users:manage',
    summary: 'Revoke an API token: requests with it are 401 at once',
    input: {
      params: {
        schema: z.object({ name: AccountNameSchema, id: z.string().regex(/^[0-9a-f]{16}$/, 'a token id') }),
        what: 'token',
      },
    },
    output: { status: 204, description: 'revoked' },
    errors: { 400: errors[400], 404: notFound, ...failures },
    handler: async ({ params }, { auth }, { req, actor }) => {
      await auth.users.revokeToken(params.name, params.id, whoOf(actor, req.ip ?? null));
    },
  }),
];
