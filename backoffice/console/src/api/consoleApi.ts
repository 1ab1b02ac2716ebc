import type { ConsoleAction } from '../../../../src/domain/console/actions';
import type { CatalogueAdmin, ServiceEditInput } from '../../../../src/domain/console/catalogueAdmin';
import type { CertificateSummary } from '../../../../src/domain/console/certificates';
import type { EnrolmentCodeResponse, KioskList } from '../../../../src/domain/console/fleet';
import type { QueueCounts, QueueId } from '../../../../src/domain/console/queues';
import type { PagingQuery } from '../../../../src/domain/console/paging';
import type { Collector, RequestDetail } from '../../../../src/domain/console/requestDetail';
import type { RequestPage } from '../../../../src/domain/console/requestRow';
import type { SearchQueryInput } from '../../../../src/domain/console/search';
import type { ActivateRequest, LoginRequest, MeResponse } from '../../../../src/domain/console/session';
import type { ActivationCodeResponse, CreateStaffBody, StaffRow } from '../../../../src/domain/console/staffAdmin';
import type { Statistics, StatisticsQuery } from '../../../../src/domain/console/statistics';
import type { StaffRole } from '../../../../src/domain/console/roles';
import type { RefusalReasonCode } from '../../../../src/domain/refusalReasons';
import type { DirectoryBody, ForwardView, NewBodyInput } from '../../../../src/domain/routing';

/**
 * What the console pages ask of the back office, in the words of the console contract
 * (src/domain/console). The pages receive it as a service: the browser gets
 * `createHttpConsoleApi`, component tests a fake. Every office call names its office: the
 * office switcher only changes which one.
 */

/** A request page action and what it carries; each is sent with the version the agent saw. */
export type RequestCommand =
  | { action: 'assign' | 'release' | 'startReview' | 'markReady' | 'issueCertificate' }
  | { action: 'checkDocument'; index: number; checked: boolean }
  | { action: 'refuse'; reasonCode: RefusalReasonCode; reason: string | undefined }
  | { action: 'collect'; collector: Collector };

/** Actions the request page sends as commands (revoking a certificate is the certificates panel's). */
export type CommandAction = RequestCommand['action'] & ConsoleAction;

export interface ConsoleApi {
  /** The signed-in session, or null when there is none (expired, revoked, never signed in). */
  me(): Promise<MeResponse | null>;
  login(body: LoginRequest): Promise<MeResponse>;
  activate(body: ActivateRequest): Promise<MeResponse>;
  logout(): Promise<void>;
  /** Calls `listener` when the back office no longer knows the session (expired, revoked, signed out elsewhere). */
  onSessionEnded(listener: () => void): () => void;

  queueCounts(officeId: string): Promise<QueueCounts>;
  queue(officeId: string, queue: QueueId, paging: PagingQuery): Promise<RequestPage>;
  search(officeId: string, query: SearchQueryInput): Promise<RequestPage>;
  /** Calls `onChange` whenever the office's requests change (new ones, statuses); returns the unsubscribe. */
  watchEvents(officeId: string, onChange: () => void): () => void;

  request(officeId: string, requestId: string): Promise<RequestDetail>;
  /** Sends the action with the version the agent saw; answers the request as it now is. */
  command(officeId: string, requestId: string, expectedVersion: number, command: RequestCommand): Promise<RequestDetail>;
  /** The request's certificates, revoked ones included. */
  certificates(officeId: string, requestId: string): Promise<CertificateSummary[]>;
  certificatePdfUrl(officeId: string, requestId: string, number: string): string;
  revokeCertificate(officeId: string, requestId: string, number: string, reason: string): Promise<CertificateSummary>;

  kiosks(officeId: string): Promise<KioskList>;
  revokeKiosk(officeId: string, kioskId: string): Promise<KioskList>;
  enrolmentCode(officeId: string): Promise<EnrolmentCodeResponse>;

  statistics(officeId: string, query: StatisticsQuery): Promise<Statistics>;
  statisticsCsvUrl(officeId: string, query: StatisticsQuery): string;

  staff(officeId: string): Promise<StaffRow[]>;
  createStaff(officeId: string, body: CreateStaffBody): Promise<ActivationCodeResponse>;
  changeRole(officeId: string, staffId: string, role: StaffRole): Promise<StaffRow>;
  resetPassword(officeId: string, staffId: string): Promise<ActivationCodeResponse>;
  revokeStaff(officeId: string, staffId: string): Promise<StaffRow>;

  /** The office's catalogue as its kiosks show it (admin). */
  catalogue(officeId: string): Promise<CatalogueAdmin>;
  /** Saves one service over the version the admin saw; answers the office's new catalogue. */
  editService(officeId: string, serviceId: string, edit: ServiceEditInput): Promise<CatalogueAdmin>;

  /** The bodies (communes, services) the office forwards requests to; removed ones left out. */
  directory(officeId: string): Promise<DirectoryBody[]>;
  /** Adds a body (admin); answers it as the back office stored it (names cleaned). */
  addBody(officeId: string, body: NewBodyInput): Promise<DirectoryBody>;
  /** Removes a body (admin): no more forwards to it; answers the directory as it now is. */
  removeBody(officeId: string, bodyId: string): Promise<DirectoryBody[]>;
  /** The office's forwards still unanswered (queued, sent, overdue), oldest first. */
  forwards(officeId: string): Promise<ForwardView[]>;
  /** Where one request's forwards stand, answered ones included. */
  requestForwards(officeId: string, requestId: string): Promise<ForwardView[]>;
  /** The document a body returned with its answer (a download, audited by the back office). */
  forwardDocumentUrl(officeId: string, requestId: string, forwardId: string): string;
}

/** An answer of the back office other than success: its HTTP status and the API's error code. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds, from `Retry-After` (a lockout). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}

/** Someone else changed the request first (`version_conflict`), or it moved past this action. */
export function isConflict(error: unknown): boolean {
  return error instanceof ConsoleApiError && error.status === 409;
}
