import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame';

export function SavingScreen() {
  const { t } = useTranslation('citizen');
  return (
    <ScreenFrame name="saving" title={t('saving.title')}>
      <div className="spinner" aria-hidden="true" />
      <p role="status">{t('saving.wait')}</p>
    </ScreenFrame>
  );
}
