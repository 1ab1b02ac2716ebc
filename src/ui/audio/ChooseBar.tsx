import { useTranslation } from 'react-i18next';
import { Pictogram } from '../components/Pictogram';

/** With guidance on, the choice just heard can be taken with this one large button as well as with a second touch. */
export function ChooseBar({ onChoose }: { onChoose(): void }) {
  const { t } = useTranslation('audio');
  return (
    <div className="choose-bar">
      <button type="button" className="touch-button touch-button--primary choose-bar__button" data-testid="choose" onClick={onChoose}>
        <Pictogram name="choose" size={64} />
        {t('choose')}
      </button>
    </div>
  );
}
