import { useTranslation } from 'react-i18next';
import { Pictogram } from '../components/Pictogram';

/**
 * With guidance on, the choice just heard can be taken with this button as well as with a
 * second touch. It sits in the header, so it never covers another choice.
 */
export function ChooseButton({ onChoose }: { onChoose(): void }) {
  const { t } = useTranslation('audio');
  return (
    <button type="button" className="touch-button touch-button--primary header-tool choose-button" data-testid="choose" onClick={onChoose}>
      <Pictogram name="choose" size={32} />
      {t('choose')}
    </button>
  );
}
