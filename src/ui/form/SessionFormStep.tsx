import { useCallback, useMemo, type ReactNode } from 'react';
import { ActionBar } from '../components/ActionBar';
import { ScreenFrame } from '../components/ScreenFrame';
import { useLocale, useSend, useSessionValue } from '../session/hooks';
import type { OfficeStreet } from '../../domain/officeStreets';
import type { FieldSpec } from './fieldSpec';
import { FormStep } from './FormStep';

/**
 * A form step of the session: one part of the draft (`identity` or the service's `fields`)
 * shown as fields whose paths are `<part>.<key>`, with the session's errors and focus, and
 * "next" asking the machine to validate.
 */
export function SessionFormStep({
  part,
  title,
  specs,
  notice,
  streets,
}: {
  part: 'identity' | 'fields';
  title: string;
  specs: FieldSpec[];
  notice?: ReactNode;
  /** The office's streets, for an address picked from them. */
  streets?: readonly OfficeStreet[];
}) {
  const send = useSend();
  const locale = useLocale();
  const draftPart = useSessionValue((context) => context.draft?.[part]);
  const errors = useSessionValue((context) => context.errors);
  const focusPath = useSessionValue((context) => context.focusPath);
  const values = useMemo(
    () => Object.fromEntries(Object.entries(draftPart ?? {}).map(([key, value]) => [`${part}.${key}`, value])),
    [draftPart, part],
  );
  // Stable, so a typed character re-renders the field it changed, not every field of the step.
  const next = useCallback(() => send({ type: 'flow.next' }), [send]);
  const change = useCallback((path: string, value: string) => send({ type: 'field.change', path, value }), [send]);
  return (
    <ScreenFrame name={part} title={title} actions={<ActionBar onNext={next} />} bodyClassName="screen__body--form">
      {notice}
      <FormStep
        specs={specs}
        values={values}
        errors={errors}
        locale={locale}
        focusPath={focusPath}
        onChange={change}
        onSubmit={next}
        streets={streets}
      />
    </ScreenFrame>
  );
}
