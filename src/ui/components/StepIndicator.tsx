import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionView } from '../session/sessionPort';
import { REQUEST_STEPS, stepOfScreen } from '../session/steps';
import { Pictogram } from './Pictogram';

/**
 * "Step 3 of 5" with each step's pictogram: done, current (larger, marked) and still to come.
 * Memoised (no props): it follows the screen by itself, not each render of the form around it.
 */
export const StepIndicator = memo(function StepIndicator() {
  const { t } = useTranslation('journey');
  const screen = useSessionView((view) => view.screen);
  const step = stepOfScreen(screen);
  if (step === null) return null;
  const current = REQUEST_STEPS[step - 1]!;
  return (
    <nav className="steps" aria-label={t('steps.label')} data-testid="step-indicator" data-step={step} data-steps={REQUEST_STEPS.length}>
      <ol className="steps__list">
        {REQUEST_STEPS.map((each, index) => {
          const state = index + 1 < step ? 'done' : index + 1 === step ? 'current' : 'todo';
          return (
            <li key={each.id} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined} data-pictogram={each.pictogram}>
              <Pictogram name={state === 'done' ? 'done' : each.pictogram} size={state === 'current' ? 40 : 28} />
              <span className="visually-hidden">{t(`steps.${each.id}`)}</span>
            </li>
          );
        })}
      </ol>
      <span className="steps__count">
        {t('steps.count', { step, total: REQUEST_STEPS.length })}
        <span className="visually-hidden"> — {t(`steps.${current.id}`)}</span>
      </span>
    </nav>
  );
});
