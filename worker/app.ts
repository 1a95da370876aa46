import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { envelope, onError } from './lib/error-handler';
import { apiBodyLimit, jsonOnly } from './middleware/json-only';
import { requestContext } from './middleware/request-context';
import { intakeFormPages } from './pages/intake-form/routes';
import { invitePages } from './pages/invite-page';
import { resetPasswordPages } from './pages/reset-password-page';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { checklistTemplateRoutes, trackerRoutes } from './routes/checklist-templates';
import { devMailboxRoutes } from './routes/dev-mailbox';
import { facilityRoutes } from './routes/facilities';
import { facilityDocumentRoutes } from './routes/facility-documents';
import { healthRoutes } from './routes/health';
import { intakeRequestRoutes } from './routes/intake-requests';
import { intakeSubmissionRoutes } from './routes/intake-submissions';
import { intakeTemplateRoutes } from './routes/intake-templates';
import { invitationRoutes } from './routes/invitations';
import { leadAnalyticsRoutes } from './routes/lead-analytics';
import { leadCoordinatorRoutes } from './routes/lead-coordinators';
import { leadFormRoutes } from './routes/lead-form';
import { scoringRuleRoutes } from './routes/lead-scoring-rules';
import { leadTaskRoutes } from './routes/lead-tasks';
import { leadRoutes } from './routes/leads';
import { meRoutes } from './routes/me';
import { memberRoutes } from './routes/members';
import { organizationRoutes } from './routes/organization';
import { patientChecklistRoutes } from './routes/patient-checklists';
import { patientImportRoutes } from './routes/patient-import';
import { patientRoutes } from './routes/patients';
import { leadSourceRoutes, pipelineStageRoutes } from './routes/pipeline-settings';
import { assignmentRoutes, providerRoutes } from './routes/providers';
import { publicLeadRoutes } from './routes/public-leads';
import { serviceRoutes } from './routes/services';

const apiBase = new OpenAPIHono<AppEnv>();
apiBase.use('*', apiBodyLimit, jsonOnly);

/** Every /api/v1 resource, kept as one chained expression so its type carries each route. */
const api = apiBase
  .route('/auth', authRoutes)
  .route('/me', meRoutes)
  .route('/organization', organizationRoutes)
  .route('/members', memberRoutes)
  .route('/invitations', invitationRoutes)
  .route('/audit', auditRoutes)
  .route('/facilities', facilityRoutes)
  .route('/facilities', facilityDocumentRoutes)
  .route('/patients/import', patientImportRoutes)
  .route('/patients', patientRoutes)
  .route('/patients', patientChecklistRoutes)
  .route('/checklist-templates', checklistTemplateRoutes)
  .route('/tracker', trackerRoutes)
  .route('/providers', providerRoutes)
  .route('/assignments', assignmentRoutes)
  .route('/leads/analytics', leadAnalyticsRoutes)
  .route('/leads', leadRoutes)
  .route('/leads', leadTaskRoutes)
  .route('/lead-sources', leadSourceRoutes)
  .route('/lead-scoring-rules', scoringRuleRoutes)
  .route('/pipeline-stages', pipelineStageRoutes)
  .route('/lead-coordinators', leadCoordinatorRoutes)
  .route('/lead-form', leadFormRoutes)
  .route('/intake-templates', intakeTemplateRoutes)
  .route('/intake-requests', intakeRequestRoutes)
  .route('/intake-submissions', intakeSubmissionRoutes)
  // No sign-in: a practice website's inquiry form posts here (routes/public-leads.ts).
  .route('/public/leads', publicLeadRoutes)
  .route('/services', serviceRoutes);

const root = new OpenAPIHono<AppEnv>();
root.use('*', requestContext);

export const app = root
  .route('/healthz', healthRoutes)
  .route('/api/v1', api)
  .route('/invite', invitePages)
  .route('/f', intakeFormPages)
  .route('/reset-password', resetPasswordPages)
  .route('/dev', devMailboxRoutes);

// Registered on the outer app so the document shows full paths (/api/v1/...).
app.doc31('/api/v1/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: 'Sidecar CRM API',
    version: '1.0.0',
    description: 'Conventions: ../shared/design/api.md. Errors use one envelope.',
  },
  security: [{ bearer: [] }],
});
app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

app.notFound((c) => envelope(c, 'not_found', 'Not found', 404));
app.onError(onError);

export type AppType = typeof app;
