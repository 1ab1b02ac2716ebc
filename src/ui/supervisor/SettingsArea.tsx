import { useSupervisorTranslation } from './supervisorLanguage';
import type { SupervisorServices } from '../../supervisor/types';
import { ChangePinForm } from './ChangePinForm';
import { EnrolForm } from './EnrolForm';
import { PrinterTest } from './PrinterTest';
import { SettingsForm } from './SettingsForm';

export function SettingsArea({ services }: { services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  return (
    <section className="sv-area" aria-labelledby="sv-settings-title">
      <h2 id="sv-settings-title">{t('settings.title')}</h2>
      <SettingsForm services={services} />
      <PrinterTest services={services} />
      <EnrolForm services={services} />
      <ChangePinForm services={services} />
    </section>
  );
}
