import { useSupervisorTranslation } from './supervisorLanguage';

/** A PIN exists but the OS key store holding it is locked: say so, never offer a first run. */
export function StoreLocked() {
  const { t } = useSupervisorTranslation();
  return (
    <section className="sv-pin-screen" role="alert">
      <h2>{t('storeLocked.title')}</h2>
      <p>{t('storeLocked.body')}</p>
    </section>
  );
}
