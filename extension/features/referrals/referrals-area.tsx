import { useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { usePagedList } from '../../ui/paged-list-model';
import { SearchList } from '../../ui/search-list';
import type { Me } from '../../utils/messages';
import { ProviderDetail } from './provider-detail';
import { ProviderForm } from './provider-form';
import { ReferralAnalyticsView } from './referral-analytics';
import { SPECIALTY_LABELS } from './referral-labels';
import { StrengthRulesEditor } from './strength-rules-editor';

type View =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'detail'; id: string }
  | { kind: 'analytics' }
  | { kind: 'rules' };

/** Referrals: the referring-provider directory, each provider's page and the referrals recorded there. */
export function ReferralsArea({ me }: { me: Me }) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [q, setQ] = useState('');
  const list = usePagedList({ q: q.trim() }, (filters, cursor) =>
    call(
      api['referring-providers'].$get({
        query: { limit: '50', cursor, ...(filters.q ? { q: filters.q } : {}) },
      }),
    ),
  );
  const back = () => {
    list.reload();
    setView({ kind: 'list' });
  };

  if (view.kind === 'add')
    return (
      <ProviderForm
        onCancel={back}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onSaved={(p) => {
          list.reload();
          setView({ kind: 'detail', id: p.id });
        }}
      />
    );
  if (view.kind === 'detail') return <ProviderDetail me={me} providerId={view.id} onBack={back} />;
  if (view.kind === 'analytics')
    return <ReferralAnalyticsView onBack={back} onOpen={(id) => setView({ kind: 'detail', id })} />;
  if (view.kind === 'rules') return <StrengthRulesEditor onBack={back} />;
  const manages = me.permissions.includes('referral:manage_providers');
  return (
    <div>
      <div class="actions">
        {manages ? (
          <button type="button" class="primary" onClick={() => setView({ kind: 'add' })}>
            Add referring provider
          </button>
        ) : null}
        <button type="button" class="secondary" onClick={() => setView({ kind: 'analytics' })}>
          Analytics
        </button>
        {manages ? (
          <button type="button" class="secondary" onClick={() => setView({ kind: 'rules' })}>
            Strength rules
          </button>
        ) : null}
      </div>
      <SearchList
        list={list}
        label="Referring providers"
        testId="provider-list"
        empty={
          q ? 'No provider matches.' : 'No referring providers yet. Add the dentists who send you patients.'
        }
        filters={
          <div class="filters">
            <label for="provider-q" class="sr-only">
              Search referring providers
            </label>
            <input
              id="provider-q"
              type="search"
              placeholder="Last name, practice or city"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </div>
        }
        row={(p) => (
          <li key={p.id} data-testid="provider-row">
            <button type="button" class="row-link" onClick={() => setView({ kind: 'detail', id: p.id })}>
              <strong>{p.displayName}</strong>
              <span class="muted small">
                {p.practice.name}, {p.practice.address.city} · {SPECIALTY_LABELS[p.specialty]}
              </span>
              <span class="muted small">
                {p.counts.referralsThisYear} referrals this year · {p.counts.convertedThisYear} converted
                {p.counts.lastReferralDate ? ` · last ${p.counts.lastReferralDate}` : ''}
              </span>
            </button>
          </li>
        )}
      />
    </div>
  );
}
