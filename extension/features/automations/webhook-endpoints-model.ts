import { action, createModel, signal } from '@preact/signals';
import type { WebhookEndpoint } from '../../../shared/schemas/webhooks';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';
import { wholeList } from './automation-lists-model';

type Deliveries = Awaited<ReturnType<typeof fetchDeliveries>>['items'];
type Attempts = Awaited<ReturnType<typeof fetchAttempts>>['log'];

/** How many of an endpoint's newest deliveries its card shows. */
const RECENT = 5;

const fetchDeliveries = (endpointId: string) =>
  call(api['webhook-endpoints'].deliveries.$get({ query: { endpointId, limit: String(RECENT) } }));
const fetchAttempts = (id: string) =>
  call(api['webhook-endpoints'].deliveries[':id'].$get({ param: { id } }));

/** A signing secret just made (a new endpoint or a rotation): shown this once. */
export type ShownSecret = { endpointId: string; url: string; secret: string; rotated: boolean };

/**
 * The organisation's webhook endpoints: add one (its secret shown once),
 * change its address, rotate its secret, disable it, and read its newest
 * deliveries with their attempts.
 */
export const WebhookEndpointsModel = createModel(() => {
  const list = wholeList<WebhookEndpoint>(() => call(api['webhook-endpoints'].$get()));
  const shown = signal<ShownSecret | null>(null);
  const errors = signal<FieldErrors>({});
  /** Which form the errors belong to: `new`, or an endpoint's id. */
  const errorsAt = signal<string>('new');
  const notice = signal<Notice | null>(null);
  const busy = signal(false);
  const deliveries = signal<Record<string, Deliveries>>({});
  const attempts = signal<Record<string, Attempts>>({});

  /** Runs one change; answers whether it went through (the reasons are in `errors` or `notice`). */
  const change = async (at: string, run: () => Promise<string | null>) => {
    busy.value = true;
    errors.value = {};
    errorsAt.value = at;
    notice.value = null;
    try {
      const text = await run();
      if (text) notice.value = { text, error: false };
      await list.reload();
      return true;
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
      return false;
    } finally {
      busy.value = false;
    }
  };

  return {
    ...list,
    shown,
    errors,
    errorsAt,
    notice,
    busy,
    deliveries,
    attempts,
    add: action((url: string, description: string) =>
      change('new', async () => {
        const made = await call(
          api['webhook-endpoints'].$post({
            json: { url: url.trim(), description: description.trim() || null },
          }),
        );
        shown.value = { endpointId: made.id, url: made.url, secret: made.secret, rotated: false };
        return null;
      }),
    ),
    editUrl: action((id: string, url: string) =>
      change(id, async () => {
        await call(api['webhook-endpoints'][':id'].$patch({ param: { id }, json: { url: url.trim() } }));
        return 'Address saved. Deliveries still waiting go to the new address.';
      }),
    ),
    rotate: action((id: string, keepOld: boolean) =>
      change(id, async () => {
        const rotated = await call(
          api['webhook-endpoints'][':id']['rotate-secret'].$post({
            param: { id },
            json: { overlapHours: keepOld ? 24 : 0 },
          }),
        );
        shown.value = { endpointId: id, url: rotated.url, secret: rotated.secret, rotated: true };
        return null;
      }),
    ),
    disable: action((id: string) =>
      change(id, async () => {
        await call(api['webhook-endpoints'][':id'].disable.$post({ param: { id } }));
        return 'Endpoint disabled: rules calling it skip it, and waiting deliveries give up.';
      }),
    ),
    hideSecret: action(() => {
      shown.value = null;
    }),
    loadDeliveries: action(async (endpointId: string) => {
      try {
        const page = await fetchDeliveries(endpointId);
        deliveries.value = { ...deliveries.value, [endpointId]: page.items };
      } catch (e) {
        notice.value = { text: (e as Error).message, error: true };
      }
    }),
    loadAttempts: action(async (deliveryId: string) => {
      try {
        const detail = await fetchAttempts(deliveryId);
        attempts.value = { ...attempts.value, [deliveryId]: detail.log };
      } catch (e) {
        notice.value = { text: (e as Error).message, error: true };
      }
    }),
  };
});
