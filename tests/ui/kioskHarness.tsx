import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Catalogue } from '../../src/domain/catalogue';
import type { OfficeIdentity } from '../../src/domain/officeIdentity';
import { DEFAULT_SETTINGS, type KioskSettings } from '../../src/domain/settings';
import type { Locale } from '../../src/domain/locales';
import { createI18n } from '../../src/i18n/createI18n';
import type { SavedRequest, SaveRequestInput, StatusLookupInput, StatusLookupResult } from '../../src/machines/session/types';
import type { KioskPlatform, PrintResult, ReceiptToPrint } from '../../src/platform/types';
import { CitizenKiosk } from '../../src/ui/CitizenKiosk';
import type { KioskServices } from '../../src/ui/services';
import { testCatalogue } from '../machines/sessionFixtures';
import { pinHostOf } from '../supervisor/fakes';
import { loadLaterScreens } from '../../src/ui/ScreenRouter';

// The screens after the first two are a chunk the kiosk fetches after its first paint: loaded once
// here, so the tests render the whole flow synchronously as the kiosk does once warmed up.
await loadLaterScreens();

export interface FakeKioskOptions {
  submit?: (input: SaveRequestInput) => Promise<SavedRequest>;
  lookupStatus?: (input: StatusLookupInput) => Promise<StatusLookupResult>;
  print?: (receipt: ReceiptToPrint) => Promise<PrintResult>;
  settings?: Partial<KioskSettings>;
  catalogue?: Catalogue;
  officeIdentity?: OfficeIdentity;
  recordedPrompts?: KioskServices['recordedPrompts'];
}

/** Renders the whole citizen kiosk over fake services; records what they were asked. */
export function renderKiosk(options: FakeKioskOptions = {}) {
  const submitted: SaveRequestInput[] = [];
  const printed: ReceiptToPrint[] = [];
  const staffCalls: number[] = [];
  const platform: KioskPlatform = {
    printReceipt: async (receipt) => {
      printed.push(receipt);
      return (options.print ?? (async () => ({ ok: true }) as const))(receipt);
    },
    writeSecret: async () => ({ ok: true }),
    readSecret: async () => null,
  ...pinHostOf(),
    ...pinHostOf(),
    deviceIdentity: async () => ({ installationId: 'test-installation', host: 'browser' }),
    restart: async () => undefined,
    appVersion: async () => '0.0.0-test',
  };
  const settings: KioskSettings = { ...DEFAULT_SETTINGS, officeName: 'Annexe Berkane 2', ...options.settings };
  const services: KioskServices = {
    submit: async (input) => {
      submitted.push(input);
      return (options.submit ?? (async () => ({ trackingCode: 'KBZ-00042-7' })))(input);
    },
    lookupStatus: options.lookupStatus ?? (async () => ({ found: false, reason: 'noMatch' })),
    callStaff: () => {
      staffCalls.push(staffCalls.length + 1);
    },
    catalogue: options.catalogue ?? testCatalogue,
    ...(options.recordedPrompts ? { recordedPrompts: options.recordedPrompts } : {}),
    settings,
    officeIdentity: options.officeIdentity ?? null,
    platform,
  };
  const i18n = createI18n(settings.defaultLocale);
  const user = userEvent.setup();
  const view = render(<CitizenKiosk services={services} i18n={i18n} />);
  return { user, view, submitted, printed, staffCalls, i18n };
}

export type Kiosk = ReturnType<typeof renderKiosk>;

export function currentScreen(): string | null {
  return screen.getByTestId('kiosk').getAttribute('data-screen');
}

/** On the attract screen the languages are shown; mid-request they sit behind the header's language menu. */
export async function chooseLanguage({ user }: Kiosk, locale: Locale): Promise<void> {
  if (!screen.queryByTestId(`language-${locale}`)) await user.click(screen.getByTestId('language-menu'));
  await user.click(screen.getByTestId(`language-${locale}`));
}

/** Types into the real <input> as a physical keyboard (or an MRZ reader) would. */
export async function typeInto({ user }: Kiosk, path: string, text: string): Promise<void> {
  const input = screen.getByTestId(`field-${path.replace('.', '-')}`);
  await user.clear(input);
  await user.type(input, text);
}

export async function fillIdentity(kiosk: Kiosk): Promise<void> {
  await typeInto(kiosk, 'identity.cin', 'AB123456');
  await typeInto(kiosk, 'identity.lastNameLatin', 'El Amrani');
  await typeInto(kiosk, 'identity.firstNameLatin', 'Fatima');
  await typeInto(kiosk, 'identity.lastNameArabic', 'العمراني');
  await typeInto(kiosk, 'identity.dateOfBirth', '12041990');
}

/** From the attract screen to the review of the birth-extract service, with valid answers. */
export async function walkToReview(kiosk: Kiosk): Promise<void> {
  const { user } = kiosk;
  await user.click(screen.getByTestId('start'));
  await user.click(screen.getByTestId('new-request'));
  await user.click(screen.getByTestId('service-birth_extract'));
  await user.click(screen.getByTestId('next'));
  await fillIdentity(kiosk);
  await user.click(screen.getByTestId('next'));
  await typeInto(kiosk, 'fields.birthCommune', 'Berkane');
  await typeInto(kiosk, 'fields.actNumber', '1234');
  await user.click(screen.getByTestId('next'));
}

export async function walkToReceipt(kiosk: Kiosk): Promise<void> {
  await walkToReview(kiosk);
  await kiosk.user.click(screen.getByTestId('next'));
  await kiosk.user.click(screen.getByTestId('consent-accept'));
  await screen.findByTestId('screen-receipt');
}

export function fieldError(path: string): HTMLElement | null {
  return screen.queryByTestId(`field-${path.replace('.', '-')}-error`);
}

export { within };

/**
 * Synchronous taps and typing, for tests on simulated time: Testing Library's async helpers wait
 * on a real setTimeout that fake timers would never fire.
 */
export function tap(element: HTMLElement): void {
  fireEvent.pointerDown(element);
  fireEvent.click(element);
}

export function typeNow(path: string, text: string): void {
  const input = screen.getByTestId(`field-${path.replace('.', '-')}`);
  fireEvent.pointerDown(input);
  fireEvent.change(input, { target: { value: text } });
}
