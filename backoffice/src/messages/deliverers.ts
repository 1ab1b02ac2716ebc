import type { OutboxKind, OutboxMessage } from '../store/outboxTypes';

/**
 * Sends one claimed outbox message of its kind: validates its payload again (stored data is
 * never trusted), renders it, and hands it to a channel. Resolves once the provider accepted it;
 * rejects with a DeliveryError (channels.ts) saying whether another attempt may help.
 * The worker looks the deliverer up by the row's `kind`: the notification deliverer
 * (notificationDeliverer.ts) and, from routing, the forward deliverer register here.
 */
export interface OutboxDeliverer {
  deliver(message: OutboxMessage): Promise<void>;
}

export type OutboxDeliverers = Partial<Record<OutboxKind, OutboxDeliverer>>;
