import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { envelope, onError } from './lib/error-handler';
import { apiBodyLimit, jsonOnly } from './middleware/json-only';
import { requestContext } from './middleware/request-context';
import { slowRequests } from './middleware/slow-requests';
import { intakeFormPages } from './pages/intake-form/routes';
import { invitePages } from './pages/invite-page';
import { recordsLinkPages } from './pages/records-link/routes';
import { resetPasswordPages } from './pages/reset-password-page';
import { unsubscribePages } from './pages/unsubscribe-page';
import { appointmentRoutes } from './routes/appointments';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { automationRuleRoutes } from './routes/automation-rules';
import { automationSettingsRoutes } from './routes/automation-settings';
import { automationTouchRoutes } from './routes/automation-touches';
import { caseRoutes } from './routes/cases';
import { checklistTemplateRoutes } from './routes/checklist-templates';
import { consentRoutes } from './routes/consents';
import { devMailboxRoutes } from './routes/dev-mailbox';
import { facilityRoutes } from './routes/facilities';
import { facilityDocumentRoutes } from './routes/facility-documents';
import { facilityNoteRoutes } from './routes/facility-notes';
import { healthRoutes } from './routes/health';
import { intakeRequestRoutes } from './routes/intake-requests';
import { intakeSubmissionRoutes } from './routes/intake-submissions';
import { intakeTemplateRoutes } from './routes/intake-templates';
import { invitationRoutes } from './routes/invitations';
import { leadAnalyticsRoutes } from './routes/lead-analytics';
import { leadBoardRoutes } from './routes/lead-board';
import { leadConsultationRoutes } from './routes/lead-consultations';
import { leadCoordinatorRoutes } from './routes/lead-coordinators';
import { leadFormRoutes } from './routes/lead-form';
import { leadImportRoutes } from './routes/lead-import';
import { scoringRuleRoutes } from './routes/lead-scoring-rules';
import { leadSourceRoutes } from './routes/lead-sources';
import { leadTaskRoutes } from './routes/lead-tasks';
import { leadRoutes } from './routes/leads';
import { letterTemplateRoutes } from './routes/letter-templates';
import { meRoutes } from './routes/me';
import { memberRoutes } from './routes/members';
import { messageTemplateRoutes } from './routes/message-templates';
import { organizationRoutes } from './routes/organization';
import { pageMatchRoutes } from './routes/page-matches';
import { patientChecklistRoutes } from './routes/patient-checklists';
import { patientImportRoutes } from './routes/patient-import';
import { patientMessageRoutes } from './routes/patient-messages';
import { patientRoutes } from './routes/patients';
import { pipelineStageRoutes } from './routes/pipeline-stages';
import { assignmentRoutes, providerRoutes } from './routes/providers';
import { publicLeadRoutes } from './routes/public-leads';
import { recordsDisclosureRoutes } from './routes/records-disclosures';
import { recordsFeeRoutes } from './routes/records-fees';
import { recordsFiguresRoutes } from './routes/records-figures';
import { recordsRequestRoutes } from './routes/records-requests';
import { recordsSettingsRoutes } from './routes/records-settings';
import { recordsTransferRoutes } from './routes/records-transfer';
import { referralAnalyticsRoutes } from './routes/referral-analytics';
import { referralLetterRoutes } from './routes/referral-letters';
import { referralMilestoneRoutes } from './routes/referral-milestones';
import { referralStrengthRuleRoutes } from './routes/referral-strength-rules';
import { referralRoutes } from './routes/referrals';
import { referringProviderRoutes } from './routes/referring-providers';
import { serviceRoutes } from './routes/services';
import { siteMappingRoutes } from './routes/site-mappings';
import { smsWebhookRoutes } from './routes/sms-webhooks';
import { staffTaskRoutes } from './routes/staff-tasks';
import { trackerRoutes } from './routes/tracker';
import { webhookEndpointRoutes } from './routes/webhook-endpoints';

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
  .route('/facilities', facilityNoteRoutes)
  .route('/patients/import', patientImportRoutes)
  .route('/patients', patientRoutes)
  .route('/patients', patientChecklistRoutes)
  .route('/patients', patientMessageRoutes)
  .route('/checklist-templates', checklistTemplateRoutes)
  .route('/tracker', trackerRoutes)
  .route('/providers', providerRoutes)
  .route('/assignments', assignmentRoutes)
  .route('/leads/analytics', leadAnalyticsRoutes)
  .route('/leads/import', leadImportRoutes)
  .route('/leads', leadRoutes)
  .route('/leads', leadTaskRoutes)
  .route('/leads', leadConsultationRoutes)
  .route('/lead-sources', leadSourceRoutes)
  .route('/lead-scoring-rules', scoringRuleRoutes)
  .route('/pipeline-stages', pipelineStageRoutes)
  .route('/lead-board', leadBoardRoutes)
  .route('/lead-coordinators', leadCoordinatorRoutes)
  .route('/lead-form', leadFormRoutes)
  .route('/intake-templates', intakeTemplateRoutes)
  .route('/intake-requests', intakeRequestRoutes)
  .route('/intake-submissions', intakeSubmissionRoutes)
  .route('/consents', consentRoutes)
  .route('/referring-providers', referringProviderRoutes)
  .route('/referrals', referralRoutes)
  .route('/referrals', referralMilestoneRoutes)
  .route('/referral-letters', referralLetterRoutes)
  .route('/letter-templates', letterTemplateRoutes)
  .route('/referral-analytics', referralAnalyticsRoutes)
  .route('/referral-strength-rules', referralStrengthRuleRoutes)
  .route('/records-requests', recordsRequestRoutes)
  .route('/records-requests', recordsTransferRoutes)
  .route('/records-requests', recordsFeeRoutes)
  .route('/records-settings', recordsSettingsRoutes)
  .route('/records-figures', recordsFiguresRoutes)
  .route('/records-disclosures', recordsDisclosureRoutes)
  // No sign-in: a practice website's inquiry form posts here (routes/public-leads.ts).
  .route('/public/leads', publicLeadRoutes)
  .route('/services', serviceRoutes)
  .route('/cases', caseRoutes)
  .route('/appointments', appointmentRoutes)
  .route('/message-templates', messageTemplateRoutes)
  .route('/automation-rules', automationRuleRoutes)
  .route('/automation-settings', automationSettingsRoutes)
  .route('/automation-touches', automationTouchRoutes)
  .route('/page-matches', pageMatchRoutes)
  .route('/staff-tasks', staffTaskRoutes)
  .route('/webhook-endpoints', webhookEndpointRoutes)
  .route('/site-mappings', siteMappingRoutes);

/**
 * Each resource's contract, with its mount path under /api/v1, for a client of one sub-app
 * (`hc<ApiSubApps['leads']['routes']>(base + '/api/v1/leads')`): far lighter for the compiler
 * than the whole AppType, as Hono advises for large apps.
 */
export type ApiSubApps = {
  auth: { path: '/api/v1/auth'; routes: typeof authRoutes };
  me: { path: '/api/v1/me'; routes: typeof meRoutes };
  organization: { path: '/api/v1/organization'; routes: typeof organizationRoutes };
  members: { path: '/api/v1/members'; routes: typeof memberRoutes };
  invitations: { path: '/api/v1/invitations'; routes: typeof invitationRoutes };
  audit: { path: '/api/v1/audit'; routes: typeof auditRoutes };
  facilities: { path: '/api/v1/facilities'; routes: typeof facilityRoutes };
  facilityDocuments: { path: '/api/v1/facilities'; routes: typeof facilityDocumentRoutes };
  facilityNotes: { path: '/api/v1/facilities'; routes: typeof facilityNoteRoutes };
  patientImport: { path: '/api/v1/patients/import'; routes: typeof patientImportRoutes };
  patients: { path: '/api/v1/patients'; routes: typeof patientRoutes };
  patientChecklists: { path: '/api/v1/patients'; routes: typeof patientChecklistRoutes };
  patientMessages: { path: '/api/v1/patients'; routes: typeof patientMessageRoutes };
  checklistTemplates: { path: '/api/v1/checklist-templates'; routes: typeof checklistTemplateRoutes };
  tracker: { path: '/api/v1/tracker'; routes: typeof trackerRoutes };
  providers: { path: '/api/v1/providers'; routes: typeof providerRoutes };
  assignments: { path: '/api/v1/assignments'; routes: typeof assignmentRoutes };
  leadAnalytics: { path: '/api/v1/leads/analytics'; routes: typeof leadAnalyticsRoutes };
  leadImport: { path: '/api/v1/leads/import'; routes: typeof leadImportRoutes };
  leads: { path: '/api/v1/leads'; routes: typeof leadRoutes };
  leadTasks: { path: '/api/v1/leads'; routes: typeof leadTaskRoutes };
  leadConsultations: { path: '/api/v1/leads'; routes: typeof leadConsultationRoutes };
  leadSources: { path: '/api/v1/lead-sources'; routes: typeof leadSourceRoutes };
  scoringRules: { path: '/api/v1/lead-scoring-rules'; routes: typeof scoringRuleRoutes };
  pipelineStages: { path: '/api/v1/pipeline-stages'; routes: typeof pipelineStageRoutes };
  leadBoard: { path: '/api/v1/lead-board'; routes: typeof leadBoardRoutes };
  leadCoordinators: { path: '/api/v1/lead-coordinators'; routes: typeof leadCoordinatorRoutes };
  leadForm: { path: '/api/v1/lead-form'; routes: typeof leadFormRoutes };
  intakeTemplates: { path: '/api/v1/intake-templates'; routes: typeof intakeTemplateRoutes };
  intakeRequests: { path: '/api/v1/intake-requests'; routes: typeof intakeRequestRoutes };
  intakeSubmissions: { path: '/api/v1/intake-submissions'; routes: typeof intakeSubmissionRoutes };
  consents: { path: '/api/v1/consents'; routes: typeof consentRoutes };
  referringProviders: { path: '/api/v1/referring-providers'; routes: typeof referringProviderRoutes };
  referrals: { path: '/api/v1/referrals'; routes: typeof referralRoutes };
  referralMilestones: { path: '/api/v1/referrals'; routes: typeof referralMilestoneRoutes };
  referralLetters: { path: '/api/v1/referral-letters'; routes: typeof referralLetterRoutes };
  letterTemplates: { path: '/api/v1/letter-templates'; routes: typeof letterTemplateRoutes };
  referralAnalytics: { path: '/api/v1/referral-analytics'; routes: typeof referralAnalyticsRoutes };
  referralStrengthRules: {
    path: '/api/v1/referral-strength-rules';
    routes: typeof referralStrengthRuleRoutes;
  };
  recordsRequests: { path: '/api/v1/records-requests'; routes: typeof recordsRequestRoutes };
  recordsTransfer: { path: '/api/v1/records-requests'; routes: typeof recordsTransferRoutes };
  recordsFees: { path: '/api/v1/records-requests'; routes: typeof recordsFeeRoutes };
  recordsSettings: { path: '/api/v1/records-settings'; routes: typeof recordsSettingsRoutes };
  recordsFigures: { path: '/api/v1/records-figures'; routes: typeof recordsFiguresRoutes };
  recordsDisclosures: { path: '/api/v1/records-disclosures'; routes: typeof recordsDisclosureRoutes };
  publicLeads: { path: '/api/v1/public/leads'; routes: typeof publicLeadRoutes };
  services: { path: '/api/v1/services'; routes: typeof serviceRoutes };
  cases: { path: '/api/v1/cases'; routes: typeof caseRoutes };
  appointments: { path: '/api/v1/appointments'; routes: typeof appointmentRoutes };
  messageTemplates: { path: '/api/v1/message-templates'; routes: typeof messageTemplateRoutes };
  automationRules: { path: '/api/v1/automation-rules'; routes: typeof automationRuleRoutes };
  automationSettings: { path: '/api/v1/automation-settings'; routes: typeof automationSettingsRoutes };
  automationTouches: { path: '/api/v1/automation-touches'; routes: typeof automationTouchRoutes };
  pageMatches: { path: '/api/v1/page-matches'; routes: typeof pageMatchRoutes };
  staffTasks: { path: '/api/v1/staff-tasks'; routes: typeof staffTaskRoutes };
  webhookEndpoints: { path: '/api/v1/webhook-endpoints'; routes: typeof webhookEndpointRoutes };
  siteMappings: { path: '/api/v1/site-mappings'; routes: typeof siteMappingRoutes };
};

const root = new OpenAPIHono<AppEnv>();
// Slow requests are timed from the start, including the audit batch written after the handler.
root.use('*', slowRequests, requestContext);

const routes = root
  .route('/healthz', healthRoutes)
  .route('/api/v1', api)
  .route('/invite', invitePages)
  .route('/f', intakeFormPages)
  .route('/r', recordsLinkPages)
  .route('/reset-password', resetPasswordPages)
  .route('/unsubscribe', unsubscribePages)
  .route('/webhooks/sms', smsWebhookRoutes)
  .route('/dev', devMailboxRoutes);

/**
 * The client's contract: every route with its input and output. The running app below is typed
 * plainly so that its own uses (document, handlers, fetch) do not instantiate this large type.
 */
export type AppType = typeof routes;
export const app: OpenAPIHono<AppEnv> = routes;

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
