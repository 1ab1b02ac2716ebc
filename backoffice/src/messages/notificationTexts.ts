import arMessages from '../../../locales/ar/messages.json';
import arRefusal from '../../../locales/ar/refusal.json';
import enMessages from '../../../locales/en/messages.json';
import enRefusal from '../../../locales/en/refusal.json';
import frMessages from '../../../locales/fr/messages.json';
import frRefusal from '../../../locales/fr/refusal.json';
import zghMessages from '../../../locales/zgh/messages.json';
import zghRefusal from '../../../locales/zgh/refusal.json';
import { directionOf, type Locale } from '../../../src/domain/locales';
import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';

/** The statuses a citizen hears about (src/domain/contact.ts). */
export type NotifiedStatus = 'received' | 'ready' | 'refused';

type MessageTexts = typeof enMessages;

// The texts live in locales/<lng>/messages.json (checked for every key in every language and
// against the glossary like the kiosk's); the refusal categories are the kiosk's own words.
const MESSAGES: Record<Locale, MessageTexts> = { ar: arMessages, zgh: zghMessages, fr: frMessages, en: enMessages };
const REFUSALS: Record<Locale, Record<RefusalReasonCode, string>> = { ar: arRefusal, zgh: zghRefusal, fr: frRefusal, en: enRefusal };

export interface NotificationFacts {
  status: NotifiedStatus;
  locale: Locale;
  /** The office's name in the request's language. */
  officeName: string;
  trackingCode: string;
  /** For `refused`: the category, never the agent's free text (the citizen reads that at the counter). */
  reasonCode: RefusalReasonCode | null;
}

export interface RenderedNotification {
  sms: string;
  email: { subject: string; text: string; html: string };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A message to the citizen in the request's language: the office's name, the tracking code and,
 * for a refusal, the translated category. Nothing else about the citizen: an SMS can be read by
 * anyone holding the phone.
 */
export function renderNotification(facts: NotificationFacts): RenderedNotification {
  const texts = MESSAGES[facts.locale];
  const values = {
    office: facts.officeName,
    code: facts.trackingCode,
    reason: REFUSALS[facts.locale][facts.reasonCode ?? 'other'],
  };
  const text = fill(texts[facts.status].text, values);
  const subject = fill(texts[facts.status].subject, values);
  const body = `${text}\n\n${texts.footer}`;
  const direction = directionOf(facts.locale);
  const html = `<!doctype html><html lang="${facts.locale}" dir="${direction}"><body><p>${escapeHtml(text)}</p><p><small>${escapeHtml(texts.footer)}</small></p></body></html>`;
  return { sms: text, email: { subject, text: body, html } };
}
