import { v7 as uuidv7 } from 'uuid';
import { formatTrackingCode } from '../../src/domain/trackingCode';
import { CONSENT_NOTICE_VERSION, type CitizenRequest } from '../../src/domain/request';
import type { OutboxItem } from '../../src/storage/db';

/**
 * Outbox items as the citizen flow commits them, built in bulk so a test can queue a backlog in
 * one IndexedDB transaction. `life` (attestation de vie) needs no service fields; a service the
 * back office's catalogue lacks passes the kiosk's own schema but is refused by the server.
 */
export interface QueuedRequestOptions {
  trackingPrefix: string;
  /** The first kiosk sequence to use (the kiosk's counter + 1). */
  firstSeq: number;
  count: number;
  serviceId?: (index: number) => string;
}

export const UNKNOWN_SERVICE = 'not_in_catalogue';

export function citizenRequest(seq: number, trackingPrefix: string, serviceId = 'life', now = new Date()): CitizenRequest {
  const at = now.toISOString();
  return {
    id: uuidv7(),
    kioskSeq: seq,
    trackingCode: formatTrackingCode(trackingPrefix, seq),
    serviceId,
    catalogueVersion: 1,
    locale: 'fr',
    identity: {
      cin: `AB${String(100000 + (seq % 900000)).padStart(6, '0')}`,
      lastNameLatin: 'Alaoui',
      firstNameLatin: 'Amina',
      lastNameArabic: 'العلوي',
      firstNameArabic: 'أمينة',
      dateOfBirth: '1988-04-12',
      phone: '+212612345678',
    },
    fields: {},
    consent: { noticeVersion: CONSENT_NOTICE_VERSION, acceptedAt: at },
    createdAt: at,
  };
}

export function queuedItem(request: CitizenRequest, createdAt = Date.now()): OutboxItem {
  return {
    id: request.id,
    kioskSeq: request.kioskSeq,
    trackingCode: request.trackingCode,
    serviceId: request.serviceId,
    state: 'queued',
    request,
    createdAt,
    attempts: 0,
    lastError: null,
    lastAttemptAt: null,
    rejection: null,
  };
}

export function queuedItems(options: QueuedRequestOptions): OutboxItem[] {
  return Array.from({ length: options.count }, (_, index) => {
    const seq = options.firstSeq + index;
    return queuedItem(citizenRequest(seq, options.trackingPrefix, options.serviceId?.(index) ?? 'life'));
  });
}
