import type { ComponentType } from 'react';
import type { ScreenName } from './session/currentScreen';
import { AttractScreen } from './screens/AttractScreen';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { FieldsScreen } from './screens/FieldsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { IdentityScreen } from './screens/IdentityScreen';
import { LookupScreen } from './screens/LookupScreen';
import { ReceiptScreen } from './screens/ReceiptScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { SaveFailedScreen } from './screens/SaveFailedScreen';
import { SavingScreen } from './screens/SavingScreen';
import { ServiceScreen } from './screens/ServiceScreen';

const SCREENS: Record<ScreenName, ComponentType> = {
  attract: AttractScreen,
  home: HomeScreen,
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

/** Keyed by screen, so leaving a screen unmounts it and drops whatever it held (QR image, focus, keyboard state). */
export function ScreenRouter({ screen }: { screen: ScreenName }) {
  const Screen = SCREENS[screen];
  return <Screen key={screen} />;
}
