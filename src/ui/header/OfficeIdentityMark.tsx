import { useTranslation } from 'react-i18next';
import { logoDataUrl, officeNameIn } from '../../domain/officeIdentity';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { Pictogram } from '../components/Pictogram';
import { useKioskServices } from '../services';
import { useLocale } from '../session/hooks';

/** The office's name in the session's language. */
export function useOfficeName(): string {
  const { t } = useTranslation('journey');
  const { settings, officeIdentity } = useKioskServices();
  const locale = useLocale();
  return officeNameIn(locale, {
    identity: officeIdentity ?? null,
    configuredName: settings.officeName,
    defaultConfiguredName: DEFAULT_SETTINGS.officeName,
    neutralName: t('office.defaultName'),
  });
}

/**
 * The office's logo and name at the header's start. A 3-second press there opens supervisor
 * mode: decoration for the citizen, not a control, hence hidden from assistive technology.
 */
export function OfficeIdentityMark() {
  const { officeIdentity } = useKioskServices();
  const name = useOfficeName();
  const logo = officeIdentity?.logo ?? null;
  return (
    <div className="kiosk-header__office" data-supervisor-gesture="" aria-hidden="true" data-testid="office-logo">
      {logo ? (
        <img className="kiosk-header__logo" src={logoDataUrl(logo)} alt="" data-testid="office-logo-image" draggable={false} />
      ) : (
        <span className="kiosk-header__emblem">
          <Pictogram name="office" size={32} />
        </span>
      )}
      <span className="kiosk-header__office-name" data-testid="office-name">
        {name}
      </span>
    </div>
  );
}
