import { z } from 'zod';

/**
 * The arguments of each preload-bridge call, parsed by the Electron main process before it acts
 * (a renderer is never trusted) and usable by the renderer to check what it sends. Keys are the
 * methods of `KioskPlatform` (src/platform/types.ts); each schema is the method's argument list.
 */

/**
 * Mirrors `SECRET_NAMES` in src/platform/types.ts; electron/ipc checks at compile time that they
 * agree. The PIN hash is not one of them: the page never reads or writes it.
 */
export const secretNameSchema = z.enum(['deviceToken']);

/** A PIN as typed on the pad; its policy (length, trivial PINs) is the vault's to apply. */
export const pinSchema = z.string().min(1).max(32);

/** Device tokens and PIN hashes are short; a cap keeps a hostile renderer from filling the disk. */
export const secretValueSchema = z.string().min(1).max(4096);

/** The QR code arrives as an image data URL and nothing else, so the receipt never loads a remote image. */
export const qrDataUrlSchema = z
  .string()
  .max(200_000)
  .regex(/^data:image\/(?:png|gif|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/);

/** A BCP 47 language tag as Intl uses it ('ar-MA', 'zgh', 'fr-MA'): it lands in the receipt's `lang` attribute. */
export const languageTagSchema = z.string().max(35).regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/);

export const receiptToPrintSchema = z.strictObject({
  trackingCode: z.string().min(1).max(40),
  serviceName: z.string().min(1).max(200),
  officeName: z.string().max(200),
  lines: z.array(z.string().max(300)).max(40),
  qrDataUrl: qrDataUrlSchema,
  locale: languageTagSchema,
  direction: z.enum(['rtl', 'ltr']),
  printerName: z.string().max(200).optional(),
});

export const ipcArgumentSchemas = {
  printReceipt: z.tuple([receiptToPrintSchema]),
  writeSecret: z.tuple([secretNameSchema, secretValueSchema]),
  readSecret: z.tuple([secretNameSchema]),
  pinLockState: z.tuple([]),
  unlockWithPin: z.tuple([pinSchema]),
  setFirstPin: z.tuple([pinSchema]),
  changePin: z.tuple([pinSchema, pinSchema]),
  deviceIdentity: z.tuple([]),
  restart: z.tuple([]),
  appVersion: z.tuple([]),
} as const;
export type IpcMethod = keyof typeof ipcArgumentSchemas;
