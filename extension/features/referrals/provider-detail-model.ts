import { action, createModel, signal } from '@preact/signals';
import type { Letter } from '../../../shared/schemas/referral-letters';
import type { OUTGOING_STATUSES, Referral, ReferringProvider } from '../../../shared/schemas/referrals';
import { api, call } from '../../api/client';
import { newestWins } from '../../ui/newest-wins';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';

export type ReferralValues = {
  referralDate: string;
  channel: 'letter' | 'phone' | 'web_form' | 'email';
  reason: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
};

const today = () => new Date().toISOString().slice(0, 10);
export const emptyReferral = (): ReferralValues => ({
  referralDate: today(),
  channel: 'letter',
  reason: '',
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
});
const optional = (v: string) => (v.trim() ? v.trim() : undefined);

/** One provider's page: details, referrals both ways, the letters sent or queued to them, and recording a referral. */
export const ProviderDetailModel = createModel((providerId: string) => {
  const provider = signal<ReferringProvider | null>(null);
  const referrals = signal<Referral[]>([]);
  const letters = signal<Letter[]>([]);
  const loadError = signal<string | null>(null);
  const form = signal<'incoming' | 'outgoing' | null>(null);
  const values = signal<ReferralValues>(emptyReferral());
  const errors = signal<FieldErrors>({});
  const saving = signal(false);
  const notice = signal<string | null>(null);

  const keepNewest = newestWins();

  const load = action(async () => {
    try {
      await keepNewest(
        () =>
          Promise.all([
            call(api['referring-providers'][':id'].$get({ param: { id: providerId } })),
            call(api.referrals.$get({ query: { providerId, limit: '50' } })),
            call(api['referral-letters'].$get({ query: { providerId, limit: '50' } })),
          ]),
        ([p, page, sent]) => {
          provider.value = p;
          referrals.value = page.items;
          letters.value = sent.items;
        },
      );
    } catch (e) {
      loadError.value = (e as Error).message;
    }
  });

  const open = action((which: 'incoming' | 'outgoing' | null) => {
    form.value = which;
    values.value = emptyReferral();
    errors.value = {};
  });

  const set = action((key: keyof ReferralValues, value: string) => {
    values.value = { ...values.value, [key]: value };
  });

  /** Saves the open form; an incoming referral creates its lead in the same step. Answers the new lead's id. */
  const save = action(async (): Promise<string | null> => {
    const v = values.value;
    saving.value = true;
    errors.value = {};
    try {
      const common = {
        providerId,
        referralDate: v.referralDate,
        channel: v.channel,
        reason: optional(v.reason),
      };
      if (form.value === 'outgoing') {
        await call(api.referrals.$post({ json: { ...common, direction: 'outgoing' } }));
        notice.value = 'Outgoing referral recorded.';
        form.value = null;
        await load();
        return null;
      }
      const created = await call(
        api.referrals['with-lead'].$post({
          json: {
            ...common,
            lead: {
              firstName: v.firstName,
              lastName: v.lastName,
              phone: optional(v.phone),
              email: optional(v.email),
            },
          },
        }),
      );
      notice.value = `Lead ${created.lead.firstName} ${created.lead.lastName} created from the referral.`;
      form.value = null;
      await load();
      return created.lead.id;
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
      return null;
    } finally {
      saving.value = false;
    }
  });

  const setStatus = action(async (id: string, status: (typeof OUTGOING_STATUSES)[number]) => {
    try {
      await call(api.referrals[':id'].$patch({ param: { id }, json: { status } }));
      await load();
    } catch (e) {
      notice.value = (e as Error).message;
    }
  });

  void load();
  return {
    provider,
    referrals,
    letters,
    loadError,
    form,
    values,
    errors,
    saving,
    notice,
    open,
    set,
    save,
    setStatus,
  };
});
