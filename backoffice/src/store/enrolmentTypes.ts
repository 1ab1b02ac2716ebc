/** What the enrolment route asks before redeeming a code: the office it belongs to, so each office has its own attempt budget. */
export interface EnrolmentGuardStore {
  /** The office of a code that exists (used, expired or not), or null for an unknown code. */
  enrolmentCodeOffice(codeHash: string): Promise<string | null>;
}
