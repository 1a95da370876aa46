import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import {
  messageTemplateCreateSchema,
  messageTemplateListSchema,
  messageTemplateSchema,
  messageTemplateUpdateSchema,
  templatePreviewRequestSchema,
  templatePreviewSchema,
} from '../../shared/schemas/message-templates';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import {
  createMessageTemplate,
  getMessageTemplate,
  listMessageTemplates,
  previewMessageTemplate,
  updateMessageTemplate,
} from '../services/automations/message-templates';

/** Email and SMS templates the automations send (spec 002, "Message Templates"). */
export const messageTemplateRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['automations'],
      summary: 'Message templates by name',
      middleware: [requirePermission('automations:view')] as const,
      responses: { 200: json(messageTemplateListSchema, 'Templates'), ...commonErrors },
    }),
    async (c) => c.json(await listMessageTemplates(c.var.tenant), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags: ['automations'],
      summary: 'Render a draft against a real case, with its SMS length',
      // Previewing reads a patient's case, so it needs the patients area as well.
      middleware: [requirePermission('automations:edit'), requirePermission('patients:view')] as const,
      request: jsonBody(templatePreviewRequestSchema),
      responses: {
        200: json(templatePreviewSchema, 'The rendered message'),
        ...commonErrors,
        ...notFoundError,
      },
    }),
    async (c) => c.json(await previewMessageTemplate(c.var.tenant, c.var.audit, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['automations'],
      summary: 'One message template',
      middleware: [requirePermission('automations:view')] as const,
      request: { params: z.object({ id: idSchema }) },
      responses: { 200: json(messageTemplateSchema, 'The template'), ...commonErrors, ...notFoundError },
    }),
    async (c) => c.json(await getMessageTemplate(c.var.tenant, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['automations'],
      summary: 'Create a message template',
      middleware: [requirePermission('automations:edit')] as const,
      request: jsonBody(messageTemplateCreateSchema),
      responses: { 201: json(messageTemplateSchema, 'Created'), ...commonErrors, ...conflictError },
    }),
    async (c) =>
      c.json(await createMessageTemplate(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['automations'],
      summary: 'Change a message template',
      middleware: [requirePermission('automations:edit')] as const,
      request: { params: z.object({ id: idSchema }), ...jsonBody(messageTemplateUpdateSchema) },
      responses: {
        200: json(messageTemplateSchema, 'The template'),
        ...commonErrors,
        ...notFoundError,
        ...conflictError,
      },
    }),
    async (c) =>
      c.json(
        await updateMessageTemplate(c.var.tenant, c.var.audit, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
