import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../domain/locales';
import { Dialog } from '../components/Dialog';
import { LanguageChoice } from '../components/LanguageChoice';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import { useLocale } from '../session/hooks';

/**
 * Mid-request, the languages sit behind one button (a globe and the current language, in its
 * own script) so the header stays one row on a portrait tablet; it opens the same large choice
 * as the attract screen.
 */
export function LanguageMenu() {
  const { t } = useTranslation(['common', 'journey']);
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <>
      <TouchButton variant="quiet" className="header-tool" testId="language-menu" prompt="choice.languages" onClick={() => setOpen(true)}>
        <Pictogram name="language" size={28} />
        {/* Named "change the language: <language>": the visible word stays part of the name (WCAG 2.5.3). */}
        <span className="visually-hidden">{t('journey:languages.change')}: </span>
        <span className="header-tool__label header-tool__label--optional" lang={locale} dir={directionOf(locale)}>
          {t(`languages.${locale}`)}
        </span>
      </TouchButton>
      {open ? (
        <Dialog
          name="languages"
          title={t('languages.label')}
          actions={
            <TouchButton variant="secondary" testId="language-menu-close" prompt="choice.back" onClick={() => setOpen(false)}>
              {t('actions.back')}
            </TouchButton>
          }
        >
          <LanguageChoice large onChosen={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}
