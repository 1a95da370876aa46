/**
 * The records path of `npm run bench`: the compliance board (open requests,
 * fewest days left first, 50 a page) over 20,000 open requests of one
 * organisation, written into the local database before the worker starts.
 */
import { DEMO_ORGS } from './seed-demo';

export const RECORDS_OPEN_REQUESTS = 20_000;

/**
 * One facility, 200 patients and the requests, generated in SQL (a recursive
 * counter) so the 20,000 rows cost one statement each, not 20,000 API calls.
 * Due dates spread over 60 days around today, a tenth of them overdue.
 */
export function recordsBenchSql(rows = RECORDS_OPEN_REQUESTS, now = new Date()) {
  const org = DEMO_ORGS.demo.id;
  const at = now.toISOString();
  const day = at.slice(0, 10);
  return `
INSERT INTO facilities (id, organization_id, name, name_key, address_line1, city, state, postal_code, address_verification, service_categories, created_by, created_at, updated_at)
VALUES ('fac_bench_records', '${org}', 'Bench Records Facility', 'bench records facility', '10 Oak St', 'Denver', 'CO', '80202', '{}', '[]', 'bench', '${at}', '${at}');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, name_key, date_of_birth, created_by, created_at, updated_at)
SELECT 'pat_bench_' || i, '${org}', 'fac_bench_records', 'Bench' || i, 'Patient', 'patient|bench' || i, '1950-01-01', 'bench', '${at}', '${at}' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
INSERT INTO records_requests (id, organization_id, direction, patient_id, requester_kind, party_name, record_types, access_kind, purpose, received_via, delivery_method, received_on, due_on, due_rule, status, open, created_by, created_at, updated_at)
SELECT printf('rrq_bench_%06d', i), '${org}', 'outgoing', 'pat_bench_' || (1 + i % 200), 'patient', 'Requester ' || i, '["Visit notes"]', 'copies', 'Personal use', 'email', 'secure_link',
  date('${day}', printf('%+d days', -30 + i % 60 - 6)), date('${day}', printf('%+d days', i % 60 - 6)),
  '{"id":"us-hipaa-access","jurisdiction":"US","name":"HIPAA right of access","days":30,"clock":"calendar","citation":"45 CFR 164.524(b)(2)"}',
  CASE i % 4 WHEN 0 THEN 'on_hold' WHEN 1 THEN 'received' WHEN 2 THEN 'authorization_check' ELSE 'preparing' END, 1, 'bench', '${at}', '${at}' FROM n;
`;
}
