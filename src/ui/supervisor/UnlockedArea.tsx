import { useSelector } from '@xstate/react';
import { lazy, Suspense } from 'react';
import { useSupervisorTranslation } from './supervisorLanguage';
import { SUPERVISOR_AREAS, type SupervisorArea } from '../../machines/supervisor/types';
import type { SupervisorServices } from '../../supervisor/types';
import { AuditLog } from './AuditLog';
import { Dashboard } from './Dashboard';
import { EnrolmentWarning } from './EnrolmentWarning';
import { OutboxList } from './OutboxList';
import { SettingsArea } from './SettingsArea';
import type { SupervisorActor } from './SupervisorOverlay';

/** Loaded when first shown: the manifest, the recorder and its styles stay out of the overlay's chunk. */
const VoicePromptsPage = lazy(() => import('./voicePrompts/VoicePromptsPage'));

export function UnlockedArea({ actor, services }: { actor: SupervisorActor; services: SupervisorServices }) {
  const { t } = useSupervisorTranslation();
  const area = useSelector(actor, (s) => SUPERVISOR_AREAS.find((candidate) => s.matches({ unlocked: candidate })) ?? 'dashboard');
  const show = (next: SupervisorArea) => actor.send({ type: `nav.${next}` });

  return (
    <>
      <EnrolmentWarning services={services} />
      <nav className="sv-tabs" aria-label={t('nav.label')}>
        {SUPERVISOR_AREAS.map((candidate) => (
          <button key={candidate} type="button" className="sv-tab" aria-current={area === candidate ? 'page' : undefined} onClick={() => show(candidate)}>
            {t(`nav.${candidate}`)}
          </button>
        ))}
      </nav>
      {area === 'dashboard' && <Dashboard services={services} onShowOutbox={() => show('outbox')} />}
      {area === 'outbox' && <OutboxList services={services} />}
      {area === 'voicePrompts' && (
        <Suspense fallback={<p role="status">{t('voicePrompts.title')}…</p>}>
          <VoicePromptsPage services={services.voicePrompts} />
        </Suspense>
      )}
      {area === 'settings' && <SettingsArea services={services} />}
      {area === 'audit' && <AuditLog services={services} />}
    </>
  );
}
