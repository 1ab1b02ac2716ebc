import type { i18n } from 'i18next';
import { useContext } from 'react';
import { getI18n, I18nContext } from 'react-i18next';

/** The i18next instance, without re-rendering the caller when the language changes (as `useTranslation()` would). */
export function useI18nInstance(): i18n {
  return useContext(I18nContext)?.i18n ?? getI18n();
}
