import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import { feeSetSchema, feeWaiverSchema, recordsFeeViewSchema } from '../../shared/schemas/records-fees';
import { commonErrors, conflictError, json, jsonBody, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { feeView, setFee, settleFee } from '../services/records/records-fee';

const params = z.object({ id: idSchema });
const answers = {
  200: json(recordsFeeViewSchema, 'The fee and the rules that apply'),
  ...commonErrors,
  ...notFoundError,
};

/** The fee of an outgoing request: computed by a rule with its source, paid or waived (mounted under /records-requests). */
export const recordsFeeRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/fee',
      tags: ['records'],
      summary: 'The fee, how it was computed, and the rules this request may use',
      middleware: [requirePermission('records:view')] as const,
      request: { params },
      responses: answers,
    }),
    async (c) => c.json(await feeView(c.var.tenant, c.var.audit, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/fee',
      tags: ['records'],
      summary: 'Compute the fee by a rule (shown before approval); it starts unpaid',
      middleware: [requirePermission('records:edit')] as const,
      request: { params, ...jsonBody(feeSetSchema) },
      responses: { ...answers, ...conflictError },
    }),
    async (c) =>
      c.json(
        await setFee(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/fee/payment',
      tags: ['records'],
      summary: 'Mark the fee paid',
      middleware: [requirePermission('records:edit')] as const,
      request: { params },
      responses: { ...answers, ...conflictError },
    }),
    async (c) =>
      c.json(
        await settleFee(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, { paid: true }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/fee/waiver',
      tags: ['records'],
      summary: 'Waive the fee, with the reason',
      middleware: [requirePermission('records:authorize')] as const,
      request: { params, ...jsonBody(feeWaiverSchema) },
      responses: { ...answers, ...conflictError },
    }),
    async (c) =>
      c.json(
        await settleFee(c.var.tenant, c.var.audit, c.var.auth, c.req.valid('param').id, {
          waived: c.req.valid('json').reason,
        }),
        200,
      ),
  );
