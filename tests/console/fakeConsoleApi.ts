import { vi } from 'vitest';
import type { QueueCounts } from '../../src/domain/console/queues';
import type { RequestDetail } from '../../src/domain/console/requestDetail';
import type { RequestPage, RequestRow } from '../../src/domain/console/requestRow';
import type { MeResponse } from '../../src/domain/console/session';
import type { ConsoleApi } from '../../backoffice/console/src/api/consoleApi';

/** A console API in memory: every method a spy, answers set per test. */

export const ME: MeResponse = {
  staff: { id: 'staff-amina', name: 'Amina Berrada', login: 'amina' },
  offices: [{ officeId: 'berkane-1', officeName: 'Annexe Berkane 1', role: 'agent' }],
  csrfToken: 'x'.repeat(40),
  idleExpiresAt: '2026-12-02T10:00:00.000Z',
  absoluteExpiresAt: '2026-12-02T18:00:00.000Z',
};

export const COUNTS: QueueCounts = { counts: { new: 3, inReviewMine: 1, inReviewAll: 2, ready: 4, collected: 10, refused: 1 }, overdue: 1 };

export function row(overrides: Partial<RequestRow> = {}): RequestRow {
  return {
    id: '0193a6f0-0000-7000-8000-000000000001',
    trackingCode: 'BRK-7K3Q-XM',
    serviceId: 'residence',
    channel: 'kiosk',
    status: 'received',
    holder: { latin: 'Fatima El Amrani', arabic: 'فاطمة العمراني', cin: 'AB123456' },
    kiosk: { id: 'kiosk-1', label: 'Hall, left' },
    receivedAt: '2026-12-01T09:30:00.000Z',
    statusAt: '2026-12-01T09:30:00.000Z',
    assignee: null,
    overdue: false,
    version: 1,
    ...overrides,
  };
}

export function page(items: RequestRow[], total = items.length): RequestPage {
  return { items, total, offset: 0, limit: 25 };
}

export function detail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  const label = (text: string) => ({ ar: text, zgh: text, fr: text, en: text });
  return {
    id: '0193a6f0-0000-7000-8000-000000000001',
    officeId: 'berkane-1',
    trackingCode: 'BRK-7K3Q-XM',
    channel: 'kiosk',
    service: { id: 'residence', name: label('Residence certificate'), delayDays: 5 },
    status: 'received',
    version: 1,
    locale: 'ar',
    identity: {
      cin: 'AB123456',
      lastNameLatin: 'El Amrani',
      firstNameLatin: 'Fatima',
      lastNameArabic: 'العمراني',
      firstNameArabic: 'فاطمة',
      dateOfBirth: '1990-04-12',
      phone: '',
    },
    fields: [{ key: 'address', label: label('Address'), value: '12 rue Atlas, Berkane' }],
    checklist: [
      { index: 0, label: label('CIN'), checked: false, by: null, at: null },
      { index: 1, label: label('Water or electricity bill'), checked: false, by: null, at: null },
    ],
    kiosk: { id: 'kiosk-1', label: 'Hall, left' },
    createdAt: '2026-12-01T09:29:00.000Z',
    receivedAt: '2026-12-01T09:30:00.000Z',
    dueAt: '2026-12-06T09:30:00.000Z',
    overdue: false,
    assignee: null,
    refusal: null,
    collection: null,
    timeline: [
      { kind: 'created', at: '2026-12-01T09:29:00.000Z', by: null, kiosk: { id: 'kiosk-1', label: 'Hall, left' }, status: null, reasonCode: null, reason: null, documentIndex: null, collector: null, certificateNumber: null },
    ],
    allowedActions: ['assign'],
    ...overrides,
  };
}

export function fakeConsoleApi(overrides: Partial<ConsoleApi> = {}): ConsoleApi & { emitChange(): void; endSession(): void } {
  const listeners = new Set<() => void>();
  const endListeners = new Set<() => void>();
  const api: ConsoleApi = {
    me: vi.fn(async () => ME),
    login: vi.fn(async () => ME),
    activate: vi.fn(async () => ME),
    logout: vi.fn(async () => undefined),
    onSessionEnded: vi.fn((listener: () => void) => {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    }),
    queueCounts: vi.fn(async () => COUNTS),
    queue: vi.fn(async () => page([row()])),
    search: vi.fn(async () => page([])),
    watchEvents: vi.fn((_officeId: string, onChange: () => void) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    }),
    request: vi.fn(async () => detail()),
    command: vi.fn(async () => detail()),
    certificates: vi.fn(async () => []),
    certificatePdfUrl: vi.fn((_officeId: string, _requestId: string, number: string) => `/pdf/${number}`),
    revokeCertificate: vi.fn(),
    kiosks: vi.fn(async () => ({ kiosks: [] })),
    revokeKiosk: vi.fn(async () => ({ kiosks: [] })),
    enrolmentCode: vi.fn(async () => ({ code: 'AB12-CD34', expiresAt: '2026-12-03T09:00:00.000Z' })),
    statistics: vi.fn(async () => ({ from: '2026-11-01', to: '2026-11-30', perDay: [], perService: [], received: 0, medianReceivedToReadyHours: null, refusedShare: null })),
    statisticsCsvUrl: vi.fn(() => '/statistics.csv'),
    staff: vi.fn(async () => []),
    createStaff: vi.fn(),
    changeRole: vi.fn(),
    resetPassword: vi.fn(),
    revokeStaff: vi.fn(),
    catalogue: vi.fn(async () => ({ version: 1, services: [] })),
    editService: vi.fn(),
    directory: vi.fn(async () => []),
    addBody: vi.fn(),
    removeBody: vi.fn(async () => []),
    forwards: vi.fn(async () => []),
    requestForwards: vi.fn(async () => []),
    forwardDocumentUrl: vi.fn((_officeId: string, requestId: string, forwardId: string) => `/documents/${requestId}/${forwardId}`),
    ...overrides,
  };
  return { ...api, emitChange: () => listeners.forEach((listener) => listener()), endSession: () => endListeners.forEach((listener) => listener()) };
}
