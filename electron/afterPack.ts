import { flipFuses } from '@electron/fuses';
import { flipKioskFuses, type AfterPackContext } from './fuses';

/** electron-builder's afterPack hook (loaded through build/afterPack.cjs): flips the kiosk fuses before signing. */
export default async function afterPack(context: AfterPackContext): Promise<void> {
  await flipKioskFuses(context, flipFuses);
}
