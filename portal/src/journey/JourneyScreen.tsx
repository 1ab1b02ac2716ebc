import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findService } from '../../../src/domain/catalogue';
import { usePortal, usePortalDb } from '../app/portalContext';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { ScreenTitle } from '../components/ScreenTitle';
import { initialJourney, journeyReducer } from './journeyState';
import { loadOfferings, type Offerings } from './offerings';
import { ConsentStep } from './ConsentStep';
import { FormStepView } from './FormStepView';
import { OfficeStep } from './OfficeStep';
import { ReceiptStep } from './ReceiptStep';
import { ReviewStep } from './ReviewStep';
import { ServiceStep } from './ServiceStep';
import { SavingStep } from './SavingStep';

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; offerings: Offerings; fromCache: boolean };

/** A new request, from the choice of the document to the receipt. */
export default function JourneyScreen() {
  const { t } = useTranslation('portal');
  const { api } = usePortal();
  const db = usePortalDb();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [journey, send] = useReducer(journeyReducer, initialJourney);

  useEffect(() => {
    let current = true;
    loadOfferings(api, db).then(
      (result) => current && setLoaded({ state: 'ready', offerings: result, fromCache: result.fromCache }),
      () => current && setLoaded({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [api, db, attempt]);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <section className="screen">
        <ScreenTitle>{t('services.title')}</ScreenTitle>
        <Notice kind="error">{t('services.unavailable')}</Notice>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setLoaded({ state: 'loading' });
            setAttempt((count) => count + 1);
          }}
        >
          {t('services.retry')}
        </button>
      </section>
    );
  }

  const { offerings } = loaded;
  const catalogue = journey.officeId ? offerings.catalogues[journey.officeId] : undefined;
  const office = offerings.offices.find((each) => each.id === journey.officeId) ?? null;
  const service = (catalogue && findService(catalogue, journey.draft.serviceId)) ?? null;
  const anyService = service ?? Object.values(offerings.catalogues).map((each) => findService(each, journey.draft.serviceId)).find(Boolean) ?? null;

  switch (journey.step) {
    case 'service':
      return <ServiceStep offerings={offerings} send={send} />;
    case 'office':
      return anyService ? <OfficeStep offerings={offerings} service={anyService} send={send} /> : null;
    case 'identity':
    case 'fields':
      return service ? <FormStepView journey={journey} service={service} send={send} /> : null;
    case 'consent':
      return service && office ? <ConsentStep office={office} service={service} phone={journey.draft.identity.phone ?? ''} send={send} /> : null;
    case 'review':
    case 'saving':
    case 'saveFailed':
      if (!service || !office || !catalogue) return null;
      return journey.step === 'saving' ? (
        <SavingStep journey={journey} service={service} catalogue={catalogue} office={office} send={send} />
      ) : (
        <ReviewStep journey={journey} service={service} office={office} send={send} />
      );
    case 'receipt':
      return journey.receipt && service && office ? <ReceiptStep receipt={journey.receipt} service={service} office={office} send={send} /> : null;
  }
}
