import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from './components/TouchButton';

interface BoundaryProps {
  onRestart(): void;
  children: ReactNode;
}

/**
 * A screen that throws (a damaged catalogue entry, a bug) must not leave a blank kiosk: the
 * citizen gets a message and a way to start again; the header (help, languages) stays usable.
 */
export class ScreenErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // The error only: never the props or the state, which may hold the citizen's data.
    console.error('a citizen screen failed', error instanceof Error ? error.message : 'unknown error');
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ScreenFailed
        onRestart={() => {
          this.setState({ failed: false });
          this.props.onRestart();
        }}
      />
    );
  }
}

function ScreenFailed({ onRestart }: { onRestart(): void }) {
  const { t } = useTranslation('common');
  return (
    <section className="screen" data-testid="screen-failed" aria-labelledby="screen-failed-title">
      <h1 id="screen-failed-title" className="screen__title">
        {t('screenFailed.title')}
      </h1>
      <p className="notice notice--error">{t('screenFailed.body')}</p>
      <div className="screen__actions">
        <TouchButton testId="restart" onClick={onRestart}>
          {t('screenFailed.restart')}
        </TouchButton>
      </div>
    </section>
  );
}
