import type { ComponentType } from 'react';
import type { ScreenName } from '../session/currentScreen';
import { CatalogueScreen } from './CatalogueScreen';
import { ConsentScreen } from './ConsentScreen';
import { FieldsScreen } from './FieldsScreen';
import { IdentityScreen } from './IdentityScreen';
import { LookupScreen } from './LookupScreen';
import { ReceiptScreen } from './ReceiptScreen';
import { ReviewScreen } from './ReviewScreen';
import { SaveFailedScreen } from './SaveFailedScreen';
import { SavingScreen } from './SavingScreen';
import { ServiceScreen } from './ServiceScreen';

/** The screens the attract screen does not need (see ScreenRouter): a chunk of their own, fetched right after the first paint. */
export type LaterScreenName = Exclude<ScreenName, 'attract' | 'home'>;

export const LATER_SCREENS: Record<LaterScreenName, ComponentType> = {
  catalogue: CatalogueScreen,
  service: ServiceScreen,
  identity: IdentityScreen,
  fields: FieldsScreen,
  review: ReviewScreen,
  consent: ConsentScreen,
  saving: SavingScreen,
  saveFailed: SaveFailedScreen,
  receipt: ReceiptScreen,
  lookup: LookupScreen,
};
