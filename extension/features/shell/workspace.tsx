import { useEffect, useState } from 'preact/hooks';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import { Icon, initials } from '../../ui/icons';
import { type CurrentFacility, currentFacilityItem } from '../../utils/current-facility';
import type { SessionView } from '../../utils/messages';
import { type AreaId, visibleAreas } from '../../utils/navigation';
import { pendingCaptureItem, pendingReferrerItem } from '../../utils/storage-items';
import { PageCard } from '../page-match/page-card';
import { pendingPrefill } from '../page-match/page-prefill';
import { TwoFactorSetup } from '../session/two-factor-setup';
import { AREA_ICONS, AREA_VIEWS } from './areas';

type Props = {
  session: Extract<SessionView, { status: 'signed_in' }>;
  onSignOut: () => void;
  /** The idle clock ran out. */
  onExpire: () => void;
  onSettings: () => void;
  /** Reloads the session from the background (after the account changes). */
  onRefresh: () => void;
};

const CHECK_EVERY_MS = 15_000;
/**
 * Up to this many areas fit one bar with their labels at the narrowest panel
 * (320 px); a role with more sees icons only there, and labels from 440 px.
 */
const COMFORTABLE_TABS = 5;
// The page card matches patients, leads and facilities: a role that sees none of them has no card.
const PAGE_CARD_PERMISSIONS = ['patients:view', 'leads:view', 'facilities:view'];

export function Workspace({ session, onSignOut, onExpire, onSettings, onRefresh }: Props) {
  const { me } = session;
  const areas = visibleAreas(me.permissions);
  const [area, setArea] = useState<AreaId | undefined>(areas[0]?.id);
  const [account, setAccount] = useState(false);
  const [facility, setFacility] = useState<CurrentFacility | null>(null);

  useEffect(() => {
    currentFacilityItem.getValue().then(setFacility);
    return currentFacilityItem.watch(setFacility);
  }, []);
  // A capture from the page's menu or the shortcut brings the Leads area forward.
  useEffect(() => {
    const show = (pending: unknown) => {
      if (pending && areas.some((a) => a.id === 'leads')) {
        setAccount(false);
        setArea('leads');
      }
    };
    pendingCaptureItem.getValue().then(show);
    return pendingCaptureItem.watch(show);
  }, [me.permissions]);
  // "Save as referring provider" on a captured page brings the Referrals area forward.
  useEffect(() => {
    const show = (pending: unknown) => {
      if (pending && areas.some((a) => a.id === 'referrals')) {
        setAccount(false);
        setArea('referrals');
      }
    };
    pendingReferrerItem.getValue().then(show);
    return pendingReferrerItem.watch(show);
  }, [me.permissions]);
  // "Add as patient" or "Start onboarding this facility" on the page card brings that area forward.
  useEffect(
    () =>
      pendingPrefill.subscribe((pending) => {
        const id = pending?.target === 'patient' ? 'patients' : pending ? 'facilities' : null;
        if (id && areas.some((a) => a.id === id)) {
          setAccount(false);
          setArea(id);
        }
      }),
    [me.permissions],
  );
  const currentFacility = facility?.organizationId === me.organization.id ? facility : null;
  const current = areas.find((a) => a.id === area) ?? areas[0];
  const CurrentArea = current ? AREA_VIEWS[current.id] : null;

  // Sign out on our own clock too, so an idle panel does not keep showing data
  // after the server has already ended the session.
  useEffect(() => {
    const timer = setInterval(() => {
      const idleEnds = session.lastActivityAt + me.session.idleTimeoutSeconds * 1000;
      if (Date.now() >= Math.min(idleEnds, Date.parse(me.session.expiresAt))) onExpire();
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [session.lastActivityAt, me.session, onExpire]);

  function onTabKey(e: KeyboardEvent, index: number) {
    const step =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? -1
          : 0;
    if (!step) return;
    e.preventDefault();
    const next = areas[(index + step + areas.length) % areas.length];
    if (next) {
      setArea(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  }

  return (
    <div class="workspace">
      <header class="signed-in" data-testid="signed-in-header">
        <span class="avatar" aria-hidden="true">
          {initials(me.user.name)}
        </span>
        <div class="who-block">
          <div class="who" data-testid="user-name" title={me.user.name}>
            {me.user.name}
          </div>
          <div
            class="muted small"
            title={`${me.organization.name} · ${ROLE_LABELS[me.role as Role] ?? me.role}`}
          >
            <span data-testid="organization-name">{me.organization.name}</span> ·{' '}
            <span data-testid="role-label">{ROLE_LABELS[me.role as Role] ?? me.role}</span>
          </div>
          {currentFacility ? (
            <div class="muted small" data-testid="current-facility" title={currentFacility.name}>
              Facility: {currentFacility.name}
            </div>
          ) : null}
        </div>
        <div class="header-actions">
          <button
            type="button"
            class="icon-button"
            title="Account"
            aria-pressed={account}
            onClick={() => setAccount(!account)}
          >
            <Icon name="patients" />
            <span class="sr-only">Account</span>
          </button>
          <button type="button" class="icon-button" title="Settings" onClick={onSettings}>
            <Icon name="settings" />
            <span class="sr-only">Settings</span>
          </button>
          <button type="button" class="icon-button" title="Sign out" onClick={onSignOut}>
            <Icon name="signOut" />
            <span class="sr-only">Sign out</span>
          </button>
        </div>
      </header>
      {me.twoFactorSetupRequired ? (
        <>
          <p class="alert" role="status">
            Your organisation requires two-factor sign-in. Set it up to continue.
          </p>
          <TwoFactorSetup onDone={onRefresh} />
        </>
      ) : account ? (
        <section class="area" aria-labelledby="account-title" data-testid="account">
          <h2 id="account-title">Account</h2>
          <p>
            Signed in as <strong>{me.user.email}</strong>.
          </p>
          <p>
            Two-factor sign-in:{' '}
            <strong data-testid="two-factor-status">{me.user.twoFactorEnabled ? 'On' : 'Off'}</strong>
          </p>
          {me.user.twoFactorEnabled ? null : (
            <TwoFactorSetup
              onDone={() => {
                setAccount(false);
                onRefresh();
              }}
            />
          )}
        </section>
      ) : areas.length === 0 ? (
        <p class="empty">Your role has no areas yet. Ask an administrator for access.</p>
      ) : (
        <>
          {PAGE_CARD_PERMISSIONS.some((p) => me.permissions.includes(p)) ? <PageCard me={me} /> : null}
          <nav aria-label="Areas">
            <div
              role="tablist"
              aria-orientation="horizontal"
              class={areas.length > COMFORTABLE_TABS ? 'tabs many' : 'tabs'}
            >
              {areas.map((a, i) => (
                <button
                  type="button"
                  role="tab"
                  id={`tab-${a.id}`}
                  aria-selected={a.id === current?.id}
                  aria-controls="area-panel"
                  tabIndex={a.id === current?.id ? 0 : -1}
                  onClick={() => setArea(a.id)}
                  onKeyDown={(e) => onTabKey(e, i)}
                  key={a.id}
                  title={a.label}
                >
                  <Icon name={AREA_ICONS[a.id]} />
                  <span class="tab-label">{a.label}</span>
                </button>
              ))}
            </div>
          </nav>
          {current && CurrentArea ? (
            <section id="area-panel" role="tabpanel" aria-labelledby={`tab-${current.id}`} class="area">
              <h2>{current.label}</h2>
              <CurrentArea me={me} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
