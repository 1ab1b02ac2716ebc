import { z } from 'zod';
import type { RequestRow } from '../../../src/domain/console/requestRow';
import type { Identity } from '../../../src/domain/identity';
import { citizenRequestSchema, type CitizenRequest } from '../../../src/domain/request';
import type { RemoteStatus } from '../../../src/domain/status';
import type { WorkRow } from '../store/consoleTypes';

/** The citizen's request as stored, or null once purged (or, defensively, if the stored body no longer parses). */
export function storedRequest(body: string): CitizenRequest | null {
  if (body === '') return null;
  const parsed = citizenRequestSchema.safeParse(JSON.parse(body));
  return parsed.success ? parsed.data : null;
}

/** Overdue: still waiting for the office (received or in review) past its due time. */
export function isOverdue(status: RemoteStatus, dueAt: string | null, now: Date): boolean {
  return (status === 'received' || status === 'inReview') && dueAt !== null && dueAt < now.toISOString();
}

/** The holder's names and CIN from a stored body, read without validating the whole request (a queue page shows 25 of them). */
function holderOf(body: string): Pick<Identity, 'cin' | 'firstNameLatin' | 'lastNameLatin' | 'firstNameArabic' | 'lastNameArabic'> | null {
  if (body === '') return null;
  const parsed = holderSchema.safeParse(JSON.parse(body));
  return parsed.success ? parsed.data.identity : null;
}

// Loose on purpose: the stored identity has more fields than a row shows.
const holderSchema = z.object({
  identity: z.object({ cin: z.string(), firstNameLatin: z.string(), lastNameLatin: z.string(), firstNameArabic: z.string(), lastNameArabic: z.string() }),
});

export function toRequestRow(row: WorkRow, now: Date): RequestRow {
  const identity = holderOf(row.body);
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    serviceId: row.serviceId,
    channel: row.channel,
    status: row.status,
    holder: {
      latin: identity ? `${identity.firstNameLatin} ${identity.lastNameLatin}` : '',
      arabic: identity ? `${identity.firstNameArabic} ${identity.lastNameArabic}`.trim() : '',
      cin: identity?.cin ?? '',
    },
    kiosk: { id: row.deviceId, label: row.kioskLabel },
    receivedAt: row.receivedAt,
    statusAt: row.statusAt,
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    overdue: isOverdue(row.status, row.dueAt, now),
    version: row.version,
  };
}
