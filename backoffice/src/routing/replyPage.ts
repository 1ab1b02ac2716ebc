import { REFUSAL_LABELS, REPLY_ERRORS, REPLY_LANGUAGES, REPLY_STRINGS, BODY_REFUSAL_REASONS } from './replyStrings';

/** The reply page: a small static document, French then Arabic (right to left), no script. */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
  body { font: 18px/1.5 system-ui, "Noto Sans Arabic", sans-serif; margin: 0 auto; max-width: 44rem; padding: 1rem; color: #1a1a1a; background: #fff; }
  section { border-top: 2px solid #d0d0d0; padding-top: 1rem; margin-top: 1rem; }
  fieldset { border: 2px solid #555; border-radius: 8px; margin: 1rem 0; padding: 1rem; }
  legend { font-weight: 700; padding: 0 .5rem; }
  label { display: block; margin: .75rem 0 .25rem; }
  select, textarea, input[type=file] { font: inherit; min-height: 48px; width: 100%; box-sizing: border-box; }
  button { font: inherit; min-height: 48px; min-width: 48px; padding: .5rem 1.25rem; margin-top: 1rem; border: 2px solid #0b4f8a; border-radius: 8px; background: #0b4f8a; color: #fff; cursor: pointer; }
  button.refuse { background: #8a1c1c; border-color: #8a1c1c; }
  button:focus-visible, select:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
  .note { color: #333; }
  [role=alert] { border: 2px solid #8a1c1c; padding: .75rem; border-radius: 8px; }
`;

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="fr" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${main}</main></body></html>`;
}

export interface ReplyFormFacts {
  token: string;
  trackingCode: string;
  serviceName: { fr: string; ar: string };
  bodyName: { fr: string; ar: string };
}

/** One section per language, each a complete form (the body answers in whichever it reads). */
export function replyFormPage(facts: ReplyFormFacts): string {
  const action = `/reply/${escapeHtml(facts.token)}`;
  const sections = REPLY_LANGUAGES.map((lng) => {
    const t = REPLY_STRINGS[lng];
    const id = (name: string) => `${name}-${lng}`;
    const reasons = BODY_REFUSAL_REASONS.map((code) => `<option value="${code}">${escapeHtml(REFUSAL_LABELS[lng][code])}</option>`).join('');
    return `<section lang="${lng}" dir="${lng === 'ar' ? 'rtl' : 'ltr'}">
<h${lng === 'fr' ? 1 : 2}>${escapeHtml(t.title)}</h${lng === 'fr' ? 1 : 2}>
<p>${escapeHtml(t.intro(facts.serviceName[lng], facts.trackingCode, facts.bodyName[lng]))}</p>
<p class="note">${escapeHtml(t.once)}</p>
<form method="post" action="${action}" enctype="multipart/form-data">
<input type="hidden" name="answer" value="done"><input type="hidden" name="lang" value="${lng}">
<fieldset><legend>${escapeHtml(t.doneLegend)}</legend>
<p id="${id('done-help')}">${escapeHtml(t.doneHelp)}</p>
<label for="${id('document')}">${escapeHtml(t.document)}</label>
<input id="${id('document')}" name="document" type="file" accept="application/pdf,image/jpeg,image/png" aria-describedby="${id('done-help')}">
<button type="submit">${escapeHtml(t.doneSubmit)}</button></fieldset></form>
<form method="post" action="${action}" enctype="multipart/form-data">
<input type="hidden" name="answer" value="refused"><input type="hidden" name="lang" value="${lng}">
<fieldset><legend>${escapeHtml(t.refusedLegend)}</legend>
<label for="${id('reason-code')}">${escapeHtml(t.reason)}</label>
<select id="${id('reason-code')}" name="reasonCode" required>${reasons}</select>
<label for="${id('reason')}">${escapeHtml(t.reasonText)}</label>
<textarea id="${id('reason')}" name="reason" rows="3" maxlength="500"></textarea>
<button type="submit" class="refuse">${escapeHtml(t.refusedSubmit)}</button></fieldset></form>
</section>`;
  }).join('\n');
  return page(`${REPLY_STRINGS.fr.title} — ${facts.trackingCode}`, sections);
}

export function replyDonePage(trackingCode: string, status: 'ready' | 'refused'): string {
  const sections = REPLY_LANGUAGES.map((lng) => {
    const t = REPLY_STRINGS[lng];
    const text = status === 'ready' ? t.thanksReady(trackingCode) : t.thanksRefused(trackingCode);
    return `<section lang="${lng}" dir="${lng === 'ar' ? 'rtl' : 'ltr'}"><h${lng === 'fr' ? 1 : 2}>${escapeHtml(t.title)}</h${lng === 'fr' ? 1 : 2}><p role="status">${escapeHtml(text)}</p></section>`;
  }).join('\n');
  return page(REPLY_STRINGS.fr.title, sections);
}

export function replyErrorPage(code: string, fallback: string): string {
  const sections = REPLY_LANGUAGES.map((lng) => {
    const t = REPLY_STRINGS[lng];
    const text = REPLY_ERRORS[code]?.[lng] ?? fallback;
    return `<section lang="${lng}" dir="${lng === 'ar' ? 'rtl' : 'ltr'}"><h${lng === 'fr' ? 1 : 2}>${escapeHtml(t.errorTitle)}</h${lng === 'fr' ? 1 : 2}><p role="alert">${escapeHtml(text)}</p></section>`;
  }).join('\n');
  return page(REPLY_STRINGS.fr.errorTitle, sections);
}
