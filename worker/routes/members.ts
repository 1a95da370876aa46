import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema, listQuerySchema, pageOf } from '../../shared/schemas/common';
import { memberSchema, memberUpdateSchema } from '../../shared/schemas/members';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { getMember, listMembers, updateMember } from '../services/members/members';

const params = z.object({ id: idSchema });

export const memberRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['members'],
      summary: 'Members of the organisation',
      middleware: [requirePermission('users:view')] as const,
      request: { query: listQuerySchema },
      responses: { 200: json(pageOf(memberSchema), 'A page of members'), ...commonErrors },
    }),
    async (c) => c.json(await listMembers(c.var.tenant, c.var.audit, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['members'],
      summary: 'One member',
      middleware: [requirePermission('users:view')] as const,
      request: { params },
      responses: { 200: json(memberSchema, 'The member'), ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const member = await getMember(c.var.tenant, c.req.valid('param').id);
      c.var.audit.record({ action: 'read', entityType: 'membership', entityId: member.id });
      return c.json(member, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['members'],
      summary: "Change a member's role, or deactivate (ends their sessions at once) or reactivate them",
      middleware: [requirePermission('users:full')] as const,
      request: { params, ...jsonBody(memberUpdateSchema) },
      responses: {
        200: json(memberSchema, 'The member'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await updateMember(
          c.var.tenant,
          c.var.audit,
          c.var.auth,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );
