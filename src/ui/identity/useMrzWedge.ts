import { useEffect, useRef, useState } from 'react';
import { IDENTITY_KEYS, type IdentityKey } from '../../domain/identity';
import { fieldId } from '../form/TextField';
import { useSessionPort } from '../session/sessionPort';
import { createMrzWedgeReader } from './mrzWedgeReader';

export type MrzOutcome = 'read' | 'readNoCin' | 'unreadable';

function identityKeyOf(element: Element | null): IdentityKey | null {
  return IDENTITY_KEYS.find((key) => element?.id === fieldId(`identity.${key}`)) ?? null;
}

/**
 * The identity screen listens for a keyboard-wedge MRZ reader: the Enters between the zone's
 * lines never submit the form, and a zone whose check digits hold fills CIN, names and date of
 * birth for the citizen to confirm. The characters the reader typed into the focused field are
 * taken out again. The parser (the `mrz` package) loads only when a zone arrives.
 */
export function useMrzWedge(): MrzOutcome | null {
  const session = useSessionPort();
  const [outcome, setOutcome] = useState<MrzOutcome | null>(null);
  const reader = useRef(createMrzWedgeReader());

  useEffect(() => {
    let focusedBefore: { key: IdentityKey; value: string } | null = null;
    let active = true;

    function send(key: IdentityKey, value: string) {
      session.send({ type: 'field.change', path: `identity.${key}`, value });
    }

    async function fill(text: string, restore: typeof focusedBefore) {
      const { parseTd1 } = await import('../../domain/mrz');
      if (!active) return;
      const context = session.getView().context;
      const result = parseTd1(text, Number(context.today().slice(0, 4)));
      const filled = new Set<IdentityKey>();
      if (result.ok) {
        const { identity } = result;
        const values: Partial<Record<IdentityKey, string>> = {
          lastNameLatin: identity.lastName,
          firstNameLatin: identity.firstNames,
          dateOfBirth: identity.dateOfBirth,
          ...(identity.cin ? { cin: identity.cin } : {}),
        };
        for (const [key, value] of Object.entries(values) as [IdentityKey, string][]) {
          send(key, value);
          filled.add(key);
        }
      }
      if (restore && !filled.has(restore.key)) send(restore.key, restore.value);
      setOutcome(!result.ok ? 'unreadable' : result.identity.cin ? 'read' : 'readNoCin');
    }

    function onKeyDown(event: KeyboardEvent) {
      const verdict = reader.current.key(event.key, event.timeStamp);
      if (verdict.burstStart) {
        const key = identityKeyOf(document.activeElement);
        focusedBefore = key ? { key, value: session.getView().context.draft?.identity[key] ?? '' } : null;
      }
      if (verdict.type === 'pass') return;
      // Before React sees it: the Enter between two lines is not "next".
      event.preventDefault();
      event.stopPropagation();
      if (verdict.type === 'zone') void fill(verdict.text, focusedBefore);
    }

    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      active = false;
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [session]);

  return outcome;
}
