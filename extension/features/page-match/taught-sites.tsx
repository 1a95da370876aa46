import { useModel } from '@preact/signals';
import { formatDate } from '../../../shared/locale-dates';
import type { SiteMappingField } from '../../../shared/schemas/site-mappings';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ShowMore } from '../../ui/show-more';
import { TaughtSitesModel } from './taught-sites-model';

const FIELD_WORDS: Record<SiteMappingField, string> = {
  fullName: 'name',
  firstName: 'first name',
  lastName: 'last name',
  dateOfBirth: 'date of birth',
  residentNumber: 'resident number',
  mrn: 'MRN',
  roomNumber: 'room',
};

/**
 * Settings: the sites people in the organisation taught Sidecar to read (what
 * each reads, who taught it and when), and forgetting one so it can be taught again.
 */
export function TaughtSites() {
  const model = useModel(() => new TaughtSitesModel());
  const { sites } = model;
  const items = sites.items.value;
  const notice = model.notice.value;
  const forgetting = model.forgetting.value;
  return (
    <section aria-labelledby="taught-sites-title" data-testid="taught-sites">
      <h2 id="taught-sites-title">Taught sites</h2>
      <p class="muted small">
        Where your organisation showed Sidecar the name, date of birth and record numbers on a site’s pages.
        Only where they are is kept, never what they say.
      </p>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      {sites.error.value ? (
        <p class="alert error" role="alert">
          {sites.error.value}
        </p>
      ) : null}
      {items.length ? (
        <ul class="list">
          {items.map((site) => (
            <li key={site.id} class="row-between" data-testid="taught-site">
              <div>
                <code>{site.host}</code>
                <div class="muted small">
                  Reads {site.fields.map((f) => FIELD_WORDS[f]).join(', ')} · taught by{' '}
                  {site.taughtBy.name ?? 'a former member'}, {formatDate(site.updatedAt)}
                </div>
              </div>
              <button
                type="button"
                class="secondary"
                aria-label={`Forget ${site.host}`}
                onClick={() => model.ask(site)}
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
      ) : sites.loading.value ? (
        <p class="muted small">Loading…</p>
      ) : (
        <p class="empty">No site taught yet. Use “Teach Sidecar this site” on the page card.</p>
      )}
      <ShowMore list={{ hasMore: sites.hasMore.value, loading: sites.loading.value, more: sites.more }} />
      {forgetting ? (
        <ConfirmDialog
          title={`Forget ${forgetting.host}?`}
          message="Its pages are then read with the built-in readers only, until someone teaches the site again."
          confirmLabel="Forget site"
          danger
          onConfirm={model.forget}
          onCancel={() => model.ask(null)}
        />
      ) : null}
    </section>
  );
}
