import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/schemas/common';
import { invitationCreateSchema, invitationSchema } from '../../shared/schemas/members';
import {
  commonErrors,
  conflictError,
  json,
  jsonBody,
  newRouter,
  noContent,
  notFoundError,
} from '../lib/openapi';
import { idempotent } from '../middleware/idempotency';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { deliverInBackground } from '../services/email/deliver-in-background';
import { inviteMember, listInvitations, revokeInvitation } from '../services/invitations/invitations';

export const invitationRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['invitations'],
      summary: 'Invitations of the organisation, newest first, with their state',
      middleware: [requirePermission('users:view')] as const,
      responses: { 200: json(pageOf(invitationSchema), 'Invitations'), ...commonErrors },
    }),
    async (c) => c.json(await listInvitations(c.var.tenant, c.var.audit), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['invitations'],
      summary: 'Invite a person by email with a role (inviting again resends with a fresh link)',
      middleware: [requirePermission('users:full'), idempotent] as const,
      request: jsonBody(invitationCreateSchema),
      responses: {
        200: json(invitationSchema, 'An open invitation was resent'),
        201: json(invitationSchema, 'Invitation sent'),
        ...commonErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const { invitation, resent, messageId } = await inviteMember(
        c.var.tenant,
        c.var.audit,
        c.var.auth,
        c.req.valid('json'),
        {
          baseUrl: c.env.PUBLIC_BASE_URL,
        },
      );
      deliverInBackground(c, [messageId]);
      return resent ? c.json(invitation, 200) : c.json(invitation, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['invitations'],
      summary: 'Withdraw an invitation; its link stops working',
      middleware: [requirePermission('users:full')] as const,
      request: { params: z.object({ id: idSchema }) },
      responses: { ...noContent, ...commonErrors, ...notFoundError, ...conflictError },
    }),
    async (c) => {
      await revokeInvitation(c.var.tenant, c.var.audit, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
