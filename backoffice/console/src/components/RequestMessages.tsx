import { useTranslation } from 'react-i18next';
import type { RequestMessage } from '../../../../src/domain/console/requestDetail';
import { useConsole } from '../app/ConsoleContext';
import { formatDateTime } from '../app/format';

/** The messages to the citizen about this request (docs/messages.md): channel, where each stands, attempts. */
export function RequestMessages({ messages }: { messages: RequestMessage[] }) {
  const { t } = useTranslation('console');
  const { locale } = useConsole();
  return (
    <section className="panel" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages.title')}</h2>
      {messages.length === 0 ? (
        <p className="muted">{t('messages.none')}</p>
      ) : (
        <ul data-testid="request-messages">
          {messages.map((message, index) => (
            <li key={index} data-state={message.state}>
              <strong>{t(`messages.channel.${message.channel}`)}</strong> — {t(`messages.state.${message.state}`)}
              <span className="muted">
                {' '}
                · {t('messages.attempts', { count: message.attempts })}
                {message.sentAt ? ` · ${t('messages.sentAt', { at: formatDateTime(message.sentAt, locale) })}` : ''}
                {message.state !== 'sent' && message.lastError ? ` · ${t('messages.error', { code: message.lastError })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
