import type { i18n } from 'i18next';
import { lazy, Suspense, type ComponentType } from 'react';
import { LOCALES } from '../domain/locales';
import { loadNamespace } from '../i18n/loadKioskI18n';
import type { SupervisorOverlayProps } from '../ui/supervisor/SupervisorFrame';

/**
 * The supervisor's screens (PIN pad, outbox list, settings, diagnostics) and their translations
 * in every language, loaded from the same local build the first time the hidden gesture opens
 * supervisor mode: citizens never need them, so they stay out of the start-up bundle. All four
 * languages come at once, so the supervisor's language switch never waits.
 */
export function lazySupervisorOverlay(translations: i18n): ComponentType<SupervisorOverlayProps> {
  const Overlay = lazy(async () => {
    const [{ SupervisorOverlay }] = await Promise.all([import('../ui/supervisor/SupervisorOverlay'), loadNamespace(translations, 'supervisor', LOCALES)]);
    return { default: SupervisorOverlay };
  });
  return function LazySupervisorOverlay(props: SupervisorOverlayProps) {
    return (
      <Suspense fallback={null}>
        <Overlay {...props} />
      </Suspense>
    );
  };
}
