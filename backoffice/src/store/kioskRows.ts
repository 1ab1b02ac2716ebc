import type { Principal } from './types';

/** A device row joined to its office, as both engines select it for a bearer token. */
export interface PrincipalRow {
  deviceId: string;
  officeId: string;
  revokedAt: string | null;
  officeRevokedAt: string | null;
  lastKioskSeq: number;
}

export function principalOf(row: PrincipalRow): Principal {
  return {
    kind: 'device',
    deviceId: row.deviceId,
    officeId: row.officeId,
    revoked: row.revokedAt !== null,
    officeRevoked: row.officeRevokedAt !== null,
    lastKioskSeq: row.lastKioskSeq,
  };
}
