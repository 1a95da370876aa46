import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import { api, call } from '../../api/client';
import { referrerOrigin } from '../../capture/origin-words';
import type { CapturedReferrer } from '../../capture/referrer-types';
import { SearchList } from '../../ui/search-list';
import { SectionTabs } from '../../ui/section-tabs';
import { usePagedList } from '../../ui/use-paged-list';
import type { Me } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { pendingReferrerItem } from '../../utils/storage-items';
import { referrerValues } from './captured-referrer';
import { LetterQueue } from './letter-queue';
import { LetterTemplates } from './letter-templates';
import { LetterView } from './letter-view';
import { PracticeAnalyticsView } from './practice-analytics';
import { ProviderDetail } from './provider-detail';
import { ProviderForm } from './provider-form';
import { ReferralAnalyticsView } from './referral-analytics';
import { SPECIALTY_LABELS } from './referral-labels';
import { StrengthRulesEditor } from './strength-rules-editor';

type View =
  | { kind: 'list' }
  | { kind: 'add'; captured?: CapturedReferrer }
  | { kind: 'detail'; id: string }
  | { kind: 'letters' }
  | { kind: 'templates' }
  | { kind: 'letter'; id: string; back: View }
  | { kind: 'analytics' }
  | { kind: 'practice'; id: string; back: View }
  | { kind: 'rules' };

const SECTIONS = [
  { kind: 'list', label: 'Directory' },
  { kind: 'letters', label: 'Letters' },
  { kind: 'templates', label: 'Templates' },
] as const;

/**
 * Referrals: the referring-provider directory, each provider's page and the referrals recorded
 * there, the letter queue and the letter templates.
 */
export function ReferralsArea({ me }: { me: Me }) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [q, setQ] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [capturing, setCapturing] = useState(false);
  const canManage = me.permissions.includes('referral:manage_providers');
  // A page saved "as referring provider" from a lead capture opens here as a prefilled form.
  useEffect(() => {
    if (!canManage) return;
    const take = (captured: CapturedReferrer | null) => {
      if (!captured) return;
      pendingReferrerItem.setValue(null);
      setView({ kind: 'add', captured });
    };
    pendingReferrerItem.getValue().then(take);
    return pendingReferrerItem.watch(take);
  }, [canManage]);
  const captureHere = async () => {
    setCapturing(true);
    setMessage(null);
    try {
      const captured = await sendMessage('captureLead', undefined);
      if (captured.referrer) setView({ kind: 'add', captured: captured.referrer });
      else setMessage('No dentist or practice found on this page. Add the provider by hand.');
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setCapturing(false);
    }
  };
  const list = usePagedList({ q: q.trim() }, (filters, cursor, signal) =>
    call(
      api['referring-providers'].$get(
        {
          query: { limit: '50', cursor, ...(filters.q ? { q: filters.q } : {}) },
        },
        { init: { signal } },
      ),
    ),
  );
  const back = () => {
    list.reload();
    setView({ kind: 'list' });
  };

  if (view.kind === 'add')
    return (
      <ProviderForm
        initial={view.captured ? referrerValues(view.captured) : {}}
        {...(view.captured ? { origin: referrerOrigin(view.captured) } : {})}
        onCancel={back}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onSaved={(p) => {
          list.reload();
          setView({ kind: 'detail', id: p.id });
        }}
      />
    );
  if (view.kind === 'letter') {
    const from = view.back;
    return (
      <LetterView
        key={view.id}
        me={me}
        letterId={view.id}
        backLabel={from.kind === 'detail' ? 'Provider' : 'Letters'}
        onBack={() => setView(from)}
      />
    );
  }
  if (view.kind === 'detail')
    return (
      <ProviderDetail
        key={view.id}
        me={me}
        providerId={view.id}
        onBack={back}
        onOpenLetter={(id) => setView({ kind: 'letter', id, back: view })}
        onOpenPractice={(id) => setView({ kind: 'practice', id, back: view })}
      />
    );
  if (view.kind === 'analytics')
    return (
      <ReferralAnalyticsView
        onBack={back}
        onOpen={(id) => setView({ kind: 'detail', id })}
        onOpenPractice={(id) => setView({ kind: 'practice', id, back: view })}
      />
    );
  if (view.kind === 'practice') {
    const from = view.back;
    return (
      <PracticeAnalyticsView
        key={view.id}
        practiceId={view.id}
        backLabel={from.kind === 'detail' ? 'Provider' : 'Analytics'}
        onBack={() => setView(from)}
        onOpen={(id) => setView({ kind: 'detail', id })}
      />
    );
  }
  if (view.kind === 'rules') return <StrengthRulesEditor onBack={back} />;
  const sections = (
    <SectionTabs
      label="Referrals sections"
      sections={SECTIONS}
      current={view.kind}
      onPick={(kind) => setView({ kind })}
    />
  );
  if (view.kind === 'letters')
    return (
      <div>
        {sections}
        <LetterQueue onOpen={(id) => setView({ kind: 'letter', id, back: view })} />
      </div>
    );
  if (view.kind === 'templates')
    return (
      <div>
        {sections}
        <LetterTemplates me={me} />
      </div>
    );
  return (
    <div>
      {sections}
      {message ? (
        <p class="alert" role="status" data-testid="referrals-message">
          {message}
        </p>
      ) : null}
      {canManage ? (
        <div class="row">
          <button type="button" class="primary" onClick={() => setView({ kind: 'add' })}>
            Add referring provider
          </button>
          <button type="button" class="secondary" disabled={capturing} onClick={captureHere}>
            {capturing ? 'Reading the page…' : 'Capture from this page'}
          </button>
        </div>
      ) : null}
      <div class="row">
        <button type="button" class="link" onClick={() => setView({ kind: 'analytics' })}>
          Analytics
        </button>
        {canManage ? (
          <button type="button" class="link" onClick={() => setView({ kind: 'rules' })}>
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
                {p.counts.lastReferralDate ? ` · last ${formatDate(p.counts.lastReferralDate)}` : ''}
              </span>
            </button>
          </li>
        )}
      />
    </div>
  );
}
