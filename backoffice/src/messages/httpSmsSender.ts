import { DeliveryError, type SmsMessage, type SmsSender } from './channels';

export interface HttpSmsSettings {
  /** The provider's send endpoint, e.g. https://sms.example.ma/api/send. */
  url: string;
  /** HTTP Basic credentials, when the provider uses them. */
  username?: string;
  password?: string;
  /** Extra headers, e.g. `{ "Authorization": "Bearer …" }` or an API-key header; never logged. */
  headers?: Record<string, string>;
  /** `json`: the template is a JSON document; `form`: `a=b&c=d` (application/x-www-form-urlencoded). */
  format: 'json' | 'form';
  /** The body with `{to}`, `{text}` and `{key}` placeholders, e.g. `{"to":"{to}","message":"{text}"}`. */
  bodyTemplate: string;
  /** Milliseconds before a request counts as failed (and is retried). */
  timeoutMs?: number;
}

export const DEFAULT_SMS_BODY_TEMPLATE = { json: '{"to":"{to}","text":"{text}","reference":"{key}"}', form: 'to={to}&text={text}&reference={key}' };

/** Each value escaped for where it lands: inside a JSON string, or as a form value. */
export function renderSmsBody(settings: Pick<HttpSmsSettings, 'format' | 'bodyTemplate'>, message: SmsMessage): string {
  const escape = settings.format === 'json' ? (value: string) => JSON.stringify(value).slice(1, -1) : encodeURIComponent;
  const values: Record<string, string> = { to: message.to, text: message.text, key: message.key };
  return settings.bodyTemplate.replace(/\{(to|text|key)\}/g, (_, name: string) => escape(values[name] ?? ''));
}

/**
 * SMS through an HTTP gateway, as Moroccan providers offer them: one POST per message, body from
 * the deployment's template. 2xx: accepted. 429, 5xx, a timeout or a network error: retried.
 * Any other 4xx: the gateway refuses this message (bad number, bad credentials): not retried.
 */
export function httpSmsSender(settings: HttpSmsSettings): SmsSender {
  const headers: Record<string, string> = {
    'content-type': settings.format === 'json' ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded; charset=utf-8',
    ...settings.headers,
  };
  if (settings.username !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64')}`;
  }
  const timeoutMs = settings.timeoutMs ?? 10_000;
  return {
    async send(message: SmsMessage): Promise<void> {
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers,
          body: renderSmsBody(settings, message),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw DeliveryError.retryable(timedOut ? 'sms_timeout' : 'sms_network');
      }
      // The body is read (and dropped) so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      const code = `sms_http_${response.status}`;
      if (response.status === 429 || response.status >= 500 || response.status === 408) throw DeliveryError.retryable(code);
      throw DeliveryError.permanent(code);
    },
  };
}
