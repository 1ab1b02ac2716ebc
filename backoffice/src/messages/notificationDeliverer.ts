import { z } from 'zod';
import { localeSchema } from '../../../src/domain/locales';
import { refusalReasonCodeSchema } from '../../../src/domain/refusalReasons';
import type { OfficeIdentityStore } from '../store/officeIdentityTypes';
import type { OutboxMessage } from '../store/outboxTypes';
import type { Store } from '../store/types';
import { DeliveryError, type MessageChannels } from './channels';
import type { OutboxDeliverer } from './deliverers';
import { renderNotification } from './notificationTexts';

/** What the status-change trigger (migration 009) writes as a notification's payload. */
export const notificationPayloadSchema = z.object({
  requestId: z.string().min(1),
  status: z.enum(['received', 'ready', 'refused']),
  locale: localeSchema,
  trackingCode: z.string().min(1).max(40),
  reasonCode: refusalReasonCodeSchema.nullable(),
});

const phoneSchema = z.string().regex(/^\+212[67]\d{8}$/);
const emailSchema = z.email().max(254);

/**
 * Delivers `notification` messages: validates the stored row again, renders it in the request's
 * language with the office's name in that language (its identity, else its registered name), and
 * sends it through the row's channel. A row that fails validation, or a channel the deployment
 * did not configure, is a permanent failure: retrying would not change it.
 */
export function notificationDeliverer(
  store: Pick<Store, 'getOffice'> & Pick<OfficeIdentityStore, 'getOfficeIdentity'>,
  channels: MessageChannels,
): OutboxDeliverer {
  return {
    async deliver(message: OutboxMessage): Promise<void> {
      const payload = notificationPayloadSchema.safeParse(message.payload);
      if (!payload.success) throw DeliveryError.permanent('invalid_payload');
      const facts = payload.data;
      const identity = await store.getOfficeIdentity(message.officeId);
      const officeName = identity?.names[facts.locale] ?? (await store.getOffice(message.officeId))?.name ?? '';
      const rendered = renderNotification({ ...facts, officeName });
      if (message.channel === 'sms') {
        if (!channels.sms) throw DeliveryError.permanent('channel_not_configured');
        if (!phoneSchema.safeParse(message.recipient).success) throw DeliveryError.permanent('invalid_recipient');
        await channels.sms.send({ to: message.recipient, text: rendered.sms, key: message.idempotencyKey });
        return;
      }
      if (message.channel === 'email') {
        if (!channels.email) throw DeliveryError.permanent('channel_not_configured');
        if (!emailSchema.safeParse(message.recipient).success) throw DeliveryError.permanent('invalid_recipient');
        await channels.email.send({ to: message.recipient, ...rendered.email, key: message.idempotencyKey });
        return;
      }
      throw DeliveryError.permanent('invalid_channel');
    },
  };
}
