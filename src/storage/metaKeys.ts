/** The keys of the `meta` table, in a module of their own: the start-up read (firstScreenRead.ts) names them without the rest of the storage. */
export const META_KEYS = {
  /** Last kiosk sequence number handed out (the next request takes this + 1). */
  kioskSeq: 'kioskSeq',
  /** Three-symbol prefix of this kiosk's tracking codes. */
  trackingPrefix: 'trackingPrefix',
  /** Cursor of the status changes already applied. */
  pullCursor: 'pullCursor',
  /** Identity given by the back office at enrolment (the token itself lives in the platform's secret store). */
  deviceId: 'deviceId',
  officeId: 'officeId',
  officeName: 'officeName',
  /** The office's names per language and logo (`OfficeIdentity`), as last pulled. */
  officeIdentity: 'officeIdentity',
  /** Epoch ms (kiosk clock) of the end of the last complete sync cycle. */
  lastSyncSuccessAt: 'lastSyncSuccessAt',
  /** The last refused outbox write (`StorageErrorRecord`), shown to the supervisor; cleared by the next successful one. */
  lastStorageError: 'lastStorageError',
  /** The outbox items on the wire (`InFlightRecord`), one record for the batch instead of a write per item. */
  inFlight: 'inFlight',
  /** Recent failed status proofs (`LookupFailures`): the citizen lookup's throttle. */
  lookupFailures: 'lookupFailures',
} as const;
