import { createRoute } from '@hono/zod-openapi';
import {
  disclosureExportParams,
  disclosureListSchema,
  disclosureParams,
} from '../../shared/schemas/records-disclosures';
import { commonErrors, json, newRouter, notFoundError } from '../lib/openapi';
import { requireAuth } from '../middleware/require-auth';
import { requirePermission } from '../middleware/require-permission';
import { disclosuresCsv, disclosuresPdf } from '../services/records/disclosure-export';
import { patientDisclosures } from '../services/records/disclosures';

/** A patient's accounting of disclosures: what was released, to whom, when and why. */
export const recordsDisclosureRoutes = newRouter(requireAuth)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{patientId}',
      tags: ['records'],
      summary: "A patient's disclosures, newest first",
      middleware: [requirePermission('records:view')] as const,
      request: { params: disclosureParams },
      responses: { 200: json(disclosureListSchema, 'Disclosures'), ...commonErrors, ...notFoundError },
    }),
    async (c) =>
      c.json(await patientDisclosures(c.var.tenant, c.var.audit, c.req.valid('param').patientId), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{patientId}/{format}/download',
      tags: ['records'],
      summary: "A patient's accounting of disclosures as CSV or PDF (audited as an export)",
      middleware: [requirePermission('records:view')] as const,
      request: { params: disclosureExportParams },
      responses: { 200: { description: 'The file' }, ...commonErrors, ...notFoundError },
    }),
    async (c) => {
      const { patientId, format } = c.req.valid('param');
      const list = await patientDisclosures(c.var.tenant, c.var.audit, patientId, format);
      const headers = {
        'Content-Disposition': `attachment; filename="disclosures-${patientId}.${format}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      };
      if (format === 'csv')
        return c.body(disclosuresCsv(list), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
      const pdf = await disclosuresPdf(list, c.var.auth.organization.name);
      return c.body(new Uint8Array(pdf).buffer, 200, { ...headers, 'Content-Type': 'application/pdf' });
    },
  );
