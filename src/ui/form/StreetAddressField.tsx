import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/locales';
import { addressOf, HOUSE_NUMBER_MAX_LENGTH, splitTypedAddress, streetOfAddress, streetsMatching, type OfficeStreet } from '../../domain/officeStreets';
import { streetPromptId } from '../../domain/streetPrompts';
import { Dialog } from '../components/Dialog';
import { Pictogram } from '../components/Pictogram';
import { TouchButton } from '../components/TouchButton';
import type { FieldSpec } from './fieldSpec';
import { fieldId, TextField } from './TextField';

/** Few enough to stay above the keyboard; a letter more narrows the list. */
export const STREET_SUGGESTIONS_SHOWN = 3;

interface StreetAddressFieldProps {
  spec: FieldSpec;
  value: string;
  streets: readonly OfficeStreet[];
  locale: Locale;
  error: string | undefined;
  /** The address input has the focus: the keyboard types letters into it. */
  onFocus(): void;
  /** The house number has the focus: the keyboard is the numeric pad. */
  onHouseNumberFocus(): void;
  onChange(value: string): void;
  onEnter(): void;
}

export function houseNumberId(path: string): string {
  return `${fieldId(path)}-houseNumber`;
}

/**
 * An address field that knows the annex's streets: as the citizen types the first letters (or a
 * house number then letters, `12 at`), the matching streets of the office's list are offered as
 * large choices; touching one writes the street and moves to the house number, typed on the
 * numeric pad. "All streets" lists them to browse. The input stays free: a street missing from
 * the list is typed in full, as without a list.
 */
export function StreetAddressField({ spec, value, streets, locale, error, onFocus, onHouseNumberFocus, onChange, onEnter }: StreetAddressFieldProps) {
  const { t } = useTranslation('citizen');
  const picked = useMemo(() => streetOfAddress(value, streets, locale), [value, streets, locale]);
  const typed = splitTypedAddress(value);
  const suggestions = useMemo(
    () => (picked || !typed.street.trim() ? [] : streetsMatching(streets, typed.street).slice(0, STREET_SUGGESTIONS_SHOWN)),
    [picked, streets, typed.street],
  );
  const [browsing, setBrowsing] = useState(false);
  const houseNumberRef = useRef<HTMLInputElement>(null);
  const justPicked = useRef(false);

  useEffect(() => {
    // The street is chosen: the house number comes next, on the numeric pad.
    if (justPicked.current && picked) houseNumberRef.current?.focus();
    justPicked.current = false;
  }, [picked]);

  const pick = (street: OfficeStreet, houseNumber: string) => {
    setBrowsing(false);
    justPicked.current = true;
    onChange(addressOf(street, houseNumber, locale));
  };
  const id = fieldId(spec.path);

  return (
    <div className="street-address" data-testid={`${id}-streets`}>
      <TextField spec={spec} display={value} maxLength={spec.maxLength} error={error} onFocus={onFocus} onInput={onChange} onEnter={onEnter} />
      {suggestions.length > 0 ? (
        <ul className="street-address__suggestions" aria-label={t('streets.suggestions')} data-testid="street-suggestions">
          {suggestions.map((street) => (
            <StreetChoice key={`${street.latin}|${street.ar}`} testId="street-suggestion" street={street} locale={locale} onPick={() => pick(street, typed.houseNumber)} />
          ))}
        </ul>
      ) : null}
      {picked ? (
        <div className="field">
          <label className="field__label" htmlFor={houseNumberId(spec.path)}>
            {t('streets.houseNumber')}
          </label>
          <input
            ref={houseNumberRef}
            id={houseNumberId(spec.path)}
            className="field__input street-address__number"
            data-testid={houseNumberId(spec.path)}
            value={picked.houseNumber}
            inputMode="none"
            autoComplete="off"
            dir="ltr"
            maxLength={HOUSE_NUMBER_MAX_LENGTH}
            onFocus={onHouseNumberFocus}
            onChange={(event) => onChange(addressOf(picked.street, event.target.value.replace(/\s+/g, ''), locale))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onEnter();
            }}
          />
        </div>
      ) : (
        <TouchButton variant="quiet" className="street-address__browse" testId="street-browse" prompt="choice.findStreet" onClick={() => setBrowsing(true)}>
          <Pictogram name="map-pin" size={40} />
          {t('streets.browse')}
        </TouchButton>
      )}
      {browsing ? (
        <Dialog
          name="streets"
          title={t('streets.browseTitle')}
          actions={
            <TouchButton variant="secondary" testId="street-browse-close" prompt="choice.back" onClick={() => setBrowsing(false)}>
              <Pictogram name="cancel" size={48} />
              {t('streets.typeInstead')}
            </TouchButton>
          }
        >
          <ul className="street-address__all" data-testid="street-list">
            {streets.map((street) => (
              <StreetChoice key={`${street.latin}|${street.ar}`} testId="street-option" street={street} locale={locale} onPick={() => pick(street, typed.houseNumber)} />
            ))}
          </ul>
        </Dialog>
      ) : null}
    </div>
  );
}

/**
 * One street to touch, in the session's script first and the other script beside it; a list item.
 * With spoken guidance on, the first touch says the street's name (the office's recording) and
 * the second touch, or "choose", picks it.
 */
function StreetChoice({ street, locale, testId, onPick }: { street: OfficeStreet; locale: Locale; testId: string; onPick: () => void }) {
  const [ownName, otherName] = locale === 'ar' ? [street.ar, street.latin] : [street.latin, street.ar];
  return (
    <li>
      <TouchButton variant="secondary" className="street-address__choice" testId={testId} data-street={street.latin} prompt={streetPromptId(street)} onClick={onPick}>
        <Pictogram name="map-pin" size={40} />
        <span className="street-address__name">{ownName}</span>
        <span className="street-address__other" dir="auto">
          {otherName}
        </span>
      </TouchButton>
    </li>
  );
}
