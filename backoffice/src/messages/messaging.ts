import type { Store } from '../store/types';
import { closeChannels, type MessageChannels } from './channels';
import type { OutboxDeliverers } from './deliverers';
import { channelsOf, DEFAULT_WORKER_INTERVAL_MS, retryPolicyOf, type MessagesConfig } from './messagesConfig';
import { notificationDeliverer } from './notificationDeliverer';
import { createOutboxWorker, type OutboxWorker } from './worker';

export interface RunningMessaging {
  worker: OutboxWorker;
  stop(): Promise<void>;
}

/**
 * The back office's message sending, as `serve` runs it: the configured channels, the
 * notification deliverer (and any other kind's, e.g. routing's `forward`), one worker on an
 * interval. `stop()` lets the round in flight finish, then closes the SMTP pool.
 */
export function startMessaging(
  store: Store,
  config: MessagesConfig,
  output: {
    /** The log adapter's lines when no log file is set: the back office's standard output, whatever the log level. */
    print(line: string): void;
    log: { info(line: string): void; warn(line: string): void };
  },
  /** Other kinds' deliverers, given the configured channels (routing's `forward` sends by e-mail). */
  extraDeliverers: OutboxDeliverers | ((channels: MessageChannels) => OutboxDeliverers) = {},
  /** Channels built by the caller (startBackoffice shares them with the portal's sign-in) stay the caller's to close. */
  shared?: MessageChannels,
): RunningMessaging {
  const channels = shared ?? channelsOf(config, output.print);
  const extra = typeof extraDeliverers === 'function' ? extraDeliverers(channels) : extraDeliverers;
  const worker = createOutboxWorker({
    store,
    deliverers: { notification: notificationDeliverer(store, channels), ...extra },
    retry: retryPolicyOf(config),
    ...(config.worker?.batchSize ? { batchSize: config.worker.batchSize } : {}),
    ...(config.worker?.concurrency ? { concurrency: config.worker.concurrency } : {}),
    ...(config.worker?.leaseMs ? { leaseMs: config.worker.leaseMs } : {}),
    log: (line, trouble) => (trouble ? output.log.warn(line) : output.log.info(line)),
  });
  worker.start(config.worker?.intervalMs ?? DEFAULT_WORKER_INTERVAL_MS);
  return {
    worker,
    async stop() {
      await worker.stop();
      if (!shared) await closeChannels(channels);
    },
  };
}

/** Whether a configuration offers any channel: without one, messages wait in the outbox (nothing is given up). */
export function hasAnyChannel(config: MessagesConfig): boolean {
  return config.sms !== undefined || config.email !== undefined;
}
