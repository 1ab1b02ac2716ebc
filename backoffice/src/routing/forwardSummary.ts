import type { Service } from '../../../src/domain/catalogue';
import type { CitizenRequest } from '../../../src/domain/request';
import type { DirectoryBody } from '../../../src/domain/routing';
import type { ForwardRow } from '../store/directoryTypes';

/**
 * What a body receives about a forwarded request: the JSON summary (the mail's attachment, the
 * endpoint's POST body) and the mail's text in French then Arabic. Only what the body needs to
 * find the act: the holder's identity (never the phone) and the service's fields, labelled.
 */
export interface ForwardSummary {
  format: 'shubbak.forward/1';
  forwardId: string;
  trackingCode: string;
  office: { id: string; name: string };
  body: { id: string; nameFr: string; nameAr: string };
  service: { id: string; nameFr: string; nameAr: string };
  forwardedAt: string;
  dueAt: string | null;
  holder: { cin: string; lastNameLatin: string; firstNameLatin: string; lastNameArabic: string; firstNameArabic: string; dateOfBirth: string };
  fields: Array<{ key: string; labelFr: string; labelAr: string; value: string }>;
  reply: { page: string; api: string; expiresAt: string };
}

export interface SummaryInput {
  forward: ForwardRow;
  trackingCode: string;
  request: CitizenRequest;
  service: Service;
  body: DirectoryBody;
  office: { id: string; name: string };
  replyPage: string;
  replyApi: string;
  replyExpiresAt: string;
}

export function forwardSummary(input: SummaryInput): ForwardSummary {
  const { identity } = input.request;
  return {
    format: 'shubbak.forward/1',
    forwardId: input.forward.id,
    trackingCode: input.trackingCode,
    office: input.office,
    body: { id: input.body.id, nameFr: input.body.nameFr, nameAr: input.body.nameAr },
    service: { id: input.service.id, nameFr: input.service.name.fr, nameAr: input.service.name.ar },
    forwardedAt: input.forward.forwardedAt,
    dueAt: input.forward.dueAt,
    holder: {
      cin: identity.cin,
      lastNameLatin: identity.lastNameLatin,
      firstNameLatin: identity.firstNameLatin,
      lastNameArabic: identity.lastNameArabic,
      firstNameArabic: identity.firstNameArabic,
      dateOfBirth: identity.dateOfBirth,
    },
    fields: input.service.fields
      .filter((field) => input.request.fields[field.key] !== undefined)
      .map((field) => ({ key: field.key, labelFr: field.label.fr, labelAr: field.label.ar, value: input.request.fields[field.key]! })),
    reply: { page: input.replyPage, api: input.replyApi, expiresAt: input.replyExpiresAt },
  };
}

const day = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 10));

export function forwardMailSubject(summary: ForwardSummary): string {
  return `Demande ${summary.trackingCode} : ${summary.service.nameFr} / طلب ${summary.trackingCode}: ${summary.service.nameAr}`;
}

export function forwardMailText(summary: ForwardSummary): string {
  const h = summary.holder;
  return [
    `${summary.body.nameFr},`,
    '',
    `L'${summary.office.name} vous transmet une demande de « ${summary.service.nameFr} » (n° ${summary.trackingCode}), reçue le ${day(summary.forwardedAt)}, à traiter avant le ${day(summary.dueAt)}.`,
    '',
    `Titulaire : ${h.lastNameLatin} ${h.firstNameLatin}${h.lastNameArabic ? ` (${h.lastNameArabic} ${h.firstNameArabic})` : ''}, CIN ${h.cin}, né(e) le ${h.dateOfBirth}.`,
    ...summary.fields.map((field) => `${field.labelFr} : ${field.value}`),
    '',
    `Pour répondre (document prêt, avec le document si vous le souhaitez, ou demande refusée avec son motif), ouvrez ce lien, valable une seule fois jusqu'au ${day(summary.reply.expiresAt)} :`,
    summary.reply.page,
    '',
    'La demande est jointe en PDF, à imprimer et classer (le lien de réponse y figure aussi en QR code), et en JSON pour vos logiciels.',
    '',
    '—',
    '',
    `${summary.body.nameAr}،`,
    `تحيل إليكم ${summary.office.name} طلب « ${summary.service.nameAr} » (رقم ${summary.trackingCode})، المرجو معالجته قبل ${day(summary.dueAt)}.`,
    `صاحب الطلب: ${h.lastNameArabic || h.lastNameLatin} ${h.firstNameArabic || h.firstNameLatin}، البطاقة الوطنية ${h.cin}، تاريخ الازدياد ${h.dateOfBirth}.`,
    ...summary.fields.map((field) => `${field.labelAr}: ${field.value}`),
    `للرد (الوثيقة جاهزة أو الطلب مرفوض مع السبب)، افتحوا هذا الرابط، صالح لمرة واحدة:`,
    summary.reply.page,
    'الطلب مرفق بصيغة PDF للطبع والحفظ (وفيه رابط الرد أيضا برمز QR)، وبصيغة JSON لبرامجكم.',
    '',
  ].join('\n');
}
