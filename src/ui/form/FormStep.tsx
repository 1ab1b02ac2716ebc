import { DEFAULT_MAX_LENGTH } from '../../domain/validation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/locales';
import type { FieldError } from '../../domain/validation';
import { LazyOnScreenKeyboard as OnScreenKeyboard } from '../keyboard/LazyOnScreenKeyboard';
import { layoutForField } from '../keyboard/layoutChoice';
import { afterNextPaint } from '../afterNextPaint';
import { DATE_DISPLAY_LENGTH, dateDisplay, dateFromDisplay } from './dateInput';
import type { FieldSpec } from './fieldSpec';
import { fieldId, TextField } from './TextField';
import { SelectField } from './SelectField';
import { addressOf, HOUSE_NUMBER_MAX_LENGTH, streetOfAddress, type OfficeStreet } from '../../domain/officeStreets';
import { StreetAddressField } from './StreetAddressField';

interface FormStepProps {
  specs: FieldSpec[];
  values: Record<string, string | undefined>;
  errors: readonly FieldError[];
  locale: Locale;
  /** The field to focus first (the one the citizen chose to edit from the review). */
  focusPath: string | null;
  onChange(path: string, value: string): void;
  onSubmit(): void;
  /** The office's streets, for a field that picks from them (`pickFrom: 'officeStreets'`); empty: typed freely. */
  streets?: readonly OfficeStreet[];
}

function toDisplay(spec: FieldSpec, stored: string): string {
  return spec.kind === 'date' ? dateDisplay(stored) : stored;
}

function fromDisplay(spec: FieldSpec, display: string): string {
  return spec.kind === 'date' ? dateFromDisplay(display) : display;
}

/** The fields of one step and the on-screen keyboard, which types into the field that has focus. */
export function FormStep({ specs, values, errors, locale, focusPath, onChange, onSubmit, streets = [] }: FormStepProps) {
  const typed = specs.filter((spec) => spec.kind !== 'select');
  const [activePath, setActivePath] = useState(() => focusPath ?? typed[0]?.path ?? null);
  // Within an address picked from the office's streets: the house number has the focus (numeric pad).
  const [houseNumberActive, setHouseNumberActive] = useState(false);
  const focusOn = (path: string, houseNumber: boolean) => {
    setActivePath(path);
    setHouseNumberActive(houseNumber);
  };
  const picksStreet = (spec: FieldSpec) => spec.pickFrom === 'officeStreets' && streets.length > 0;
  const formRef = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('validation');
  const errorOf = (path: string) => {
    const code = errors.find((error) => error.path === path)?.code;
    // "Too long" says the limit: the field's own, else the default every text field has.
    const max = specs.find((spec) => spec.path === path)?.maxLength ?? DEFAULT_MAX_LENGTH;
    return code ? t(`validation.${code}`, { max }) : undefined;
  };

  const opening = useRef(focusPath ?? typed[0]?.path ?? null);
  const shownErrors = useRef(0);
  const focusField = (path: string) => formRef.current?.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus();

  useEffect(() => {
    // After the new step is painted: focusing lays the page out again, and the tap that opened
    // the step should not wait for it (4× slower on a cheap tablet; docs/performance.md).
    // A field the citizen touched in that frame keeps the focus.
    const path = opening.current;
    return path ? afterNextPaint(() => !formRef.current?.contains(document.activeElement) && focusField(path)) : undefined;
  }, []);

  useEffect(() => {
    // Only when new errors are shown ("next" refused): focus must not jump while the citizen corrects a field.
    const first = errors[0];
    if (errors.length > shownErrors.current && first) focusField(first.path);
    shownErrors.current = errors.length;
  }, [errors]);

  // One pair of handlers per field for the step's life (specs and onChange are stable), so the
  // memoised fields that did not change skip a render on each typed character.
  const handlers = useMemo(
    () =>
      new Map(
        specs.map((spec) => [
          spec.path,
          { onFocus: () => { setActivePath(spec.path); setHouseNumberActive(false); }, onInput: (display: string) => onChange(spec.path, fromDisplay(spec, display)), onSelect: (value: string) => onChange(spec.path, value) },
        ]),
      ),
    [specs, onChange],
  );

  const active = typed.find((spec) => spec.path === activePath) ?? null;
  const pickedStreet = active && houseNumberActive && picksStreet(active) ? streetOfAddress(values[active.path] ?? '', streets, locale) : null;
  const layout = pickedStreet ? 'numeric' : active ? layoutForField(active.keyboardKind, locale) : null;

  return (
    <div className="form-step">
      <div className="form-step__fields" ref={formRef}>
        {specs.map((spec) =>
          spec.kind === 'select' ? (
            <SelectField key={spec.path} spec={spec} value={values[spec.path] ?? ''} error={errorOf(spec.path)} onChange={handlers.get(spec.path)!.onSelect} />
          ) : picksStreet(spec) ? (
            <StreetAddressField
              key={spec.path}
              spec={spec}
              value={values[spec.path] ?? ''}
              streets={streets}
              locale={locale}
              error={errorOf(spec.path)}
              onFocus={() => focusOn(spec.path, false)}
              onHouseNumberFocus={() => focusOn(spec.path, true)}
              onChange={(value) => onChange(spec.path, value)}
              onEnter={onSubmit}
            />
          ) : (
            <TextField
              key={spec.path}
              spec={spec}
              display={toDisplay(spec, values[spec.path] ?? '')}
              maxLength={spec.kind === 'date' ? DATE_DISPLAY_LENGTH : spec.maxLength}
              error={errorOf(spec.path)}
              onFocus={handlers.get(spec.path)!.onFocus}
              onInput={handlers.get(spec.path)!.onInput}
              onEnter={onSubmit}
            />
          ),
        )}
      </div>
      {active && pickedStreet ? (
        <div className="form-step__keyboard">
          <OnScreenKeyboard
            layout="numeric"
            value={pickedStreet.houseNumber}
            maxLength={HOUSE_NUMBER_MAX_LENGTH}
            onChange={(houseNumber) => onChange(active.path, addressOf(pickedStreet.street, houseNumber, locale))}
            onEnter={onSubmit}
          />
        </div>
      ) : active && layout ? (
        <div className="form-step__keyboard">
          <OnScreenKeyboard
            layout={layout}
            value={toDisplay(active, values[active.path] ?? '')}
            maxLength={active.kind === 'date' ? DATE_DISPLAY_LENGTH : active.maxLength}
            onChange={(display) => onChange(active.path, fromDisplay(active, display))}
            onEnter={onSubmit}
          />
        </div>
      ) : null}
    </div>
  );
}
