import type { OfficeIdentity } from '../../../src/domain/officeIdentity';

/** What an office says about itself on its kiosks; set by an administrator, pulled by kiosks. */
export type OfficeIdentityInput = Omit<OfficeIdentity, 'version'>;

/** The office identity's part of the store (its own file, so each engine ports it on its own). */
export interface OfficeIdentityStore {
  /** Stores the identity as the office's next version and returns it with that version. */
  setOfficeIdentity(officeId: string, identity: OfficeIdentityInput, at: string): Promise<OfficeIdentity>;
  /** The office's current identity, or null when none was ever set (kiosks show a neutral default). */
  getOfficeIdentity(officeId: string): Promise<OfficeIdentity | null>;
  /** Every office with an identity and its newest version, by office id: what changed since a last look, cheaply. */
  officeIdentityVersions(): Promise<{ officeId: string; version: number }[]>;
}
