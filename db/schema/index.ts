// The database schema, one file per domain; every table is exported from here
// so code imports `db/schema` whatever file a table lives in.

export * from './automation-actions';
export * from './automations';
export * from './checklists';
export * from './consents';
export * from './facilities';
export * from './facility-notes';
export * from './intake';
export * from './lead-imports';
export * from './leads';
export * from './notices';
export * from './patients';
export * from './platform';
export * from './providers';
export * from './records';
export * from './records-transfer';
export * from './referral-letters';
export * from './referral-rollups';
export * from './referral-strength';
export * from './referrals';
export * from './rollups';
export * from './search';
export * from './site-mappings';
export * from './tenancy';
