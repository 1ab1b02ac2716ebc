import { useState } from 'react';
import type { Locale } from '../../domain/locales';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import type { KeyboardLayoutName } from '../keyboard/layouts';
import { useSupervisorTranslation } from './supervisorLanguage';

/** What a supervisor field holds: free text (in the supervisor's script), Latin text (URLs, codes, names of devices), or a number. */
export type TouchFieldKind = 'text' | 'latin' | 'number';

export function keyboardLayoutFor(kind: TouchFieldKind, language: Locale): KeyboardLayoutName {
  if (kind === 'number') return 'numeric';
  if (kind === 'latin') return 'azerty';
  if (language === 'ar') return 'arabic';
  return language === 'zgh' ? 'tifinagh' : 'azerty';
}

/**
 * The kiosk has no physical keyboard: the field last touched gets the on-screen keyboard below
 * the form. `field(name, kind)` goes on each input; `keyboard(value, onChange)` renders it;
 * `close()` puts it away once the form is sent, so none of its keys outlives the typing (at the
 * first run, its digit keys stayed under the staff's fingers while the enrolment was on its way,
 * and PIN digits tapped as the pad appeared went into the kiosk's name).
 */
export function useTouchKeyboard<Name extends string>() {
  const { language } = useSupervisorTranslation();
  const [active, setActive] = useState<{ name: Name; kind: TouchFieldKind } | null>(null);
  return {
    active: active?.name ?? null,
    field: (name: Name, kind: TouchFieldKind) => ({ onFocus: () => setActive({ name, kind }) }),
    close: () => setActive(null),
    keyboard: (value: string, onChange: (value: string) => void) =>
      active && <OnScreenKeyboard layout={keyboardLayoutFor(active.kind, language)} value={value} onChange={onChange} />,
  };
}
