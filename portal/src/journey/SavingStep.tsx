import { useEffect, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, Service } from '../../../src/domain/catalogue';
import { submitRequest } from '../../../src/app/submitRequest';
import { OutboxWriteError } from '../../../src/storage/outbox';
import type { PortalOffice } from '../../../src/domain/portal/offices';
import { usePortal, usePortalDb } from '../app/portalContext';
import { adoptTrackingPrefix, officeKey, statusTokenKey } from '../storage/portalDb';
import { writeMeta } from '../../../src/storage/meta';
import { v7 as uuidv7 } from 'uuid';
import type { JourneyEvent, JourneyState } from './journeyState';

/**
 * Stores the request in the outbox with the kiosk's own saving code (one strict-durability
 * transaction, tracking code from this installation's prefix), then asks the sync engine to send
 * it. The receipt appears once the request is on the phone's disk, sent or not.
 */
export function SavingStep({ journey, service, catalogue, office, send }: { journey: JourneyState; service: Service; catalogue: Catalogue; office: PortalOffice; send: Dispatch<JourneyEvent> }) {
  const { t } = useTranslation('citizen');
  const { locale, sync, session } = usePortal();
  const db = usePortalDb();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const save = async () => {
      // The codes this phone makes offline come from the prefix its session was given.
      if (session) await adoptTrackingPrefix(db, session);
      // The office travels beside the request ({ officeId, request }): written first, so the push always finds it.
      const id = uuidv7();
      await writeMeta(db, officeKey(id), office.id);
      const saved = await submitRequest(
        { draft: journey.draft, service, catalogueVersion: catalogue.version, locale, ...(journey.contact ? { contact: journey.contact } : {}) },
        { db, newId: () => id, afterCommit: () => sync?.trigger('submission') },
      );
      if (saved.statusToken) await writeMeta(db, statusTokenKey(saved.trackingCode), saved.statusToken);
      return saved;
    };
    save().then(
      (saved) => send({ type: 'save.done', receipt: { trackingCode: saved.trackingCode, statusToken: saved.statusToken ?? null } }),
      (error: unknown) => send({ type: 'save.failed', reason: error instanceof OutboxWriteError ? error.reason : 'storage' }),
    );
  }, [catalogue.version, db, journey.contact, journey.draft, locale, office.id, send, service, session, sync]);
  return (
    <section className="screen" aria-busy="true">
      <p role="status">{t('saving.title')}</p>
    </section>
  );
}
