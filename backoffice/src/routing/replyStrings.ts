import arRefusal from '../../../locales/ar/refusal.json';
import frRefusal from '../../../locales/fr/refusal.json';
import type { RefusalReasonCode } from '../../../src/domain/refusalReasons';

/**
 * The reply page's words, in French and Arabic (the languages of the communes' and services'
 * offices). The refusal reasons are the kiosk's own translations (locales/<lng>/refusal.json),
 * so the citizen later reads the same category the body chose.
 */
export const REPLY_LANGUAGES = ['fr', 'ar'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/** The reasons a body may give: those about the request itself (not the annex's own, like "not collected"). */
export const BODY_REFUSAL_REASONS: readonly RefusalReasonCode[] = ['invalidDocuments', 'identityMismatch', 'notEligible', 'wrongOffice', 'duplicateRequest', 'other'];

export const REFUSAL_LABELS: Record<ReplyLanguage, Record<RefusalReasonCode, string>> = { fr: frRefusal, ar: arRefusal };

export const REPLY_STRINGS = {
  fr: {
    title: 'Réponse à une demande transmise',
    intro: (service: string, code: string, body: string) => `Demande « ${service} », n° ${code}, transmise à : ${body}.`,
    doneLegend: 'Le document est prêt',
    doneHelp: 'Joignez le document si vous le pouvez (PDF, JPEG ou PNG, 2 Mo au plus). Le citoyen le retirera à l’annexe.',
    document: 'Document (facultatif)',
    doneSubmit: 'Confirmer : document prêt',
    refusedLegend: 'La demande est refusée',
    reason: 'Motif',
    reasonText: 'Précision (facultative, obligatoire pour « Autre motif »), lue par le citoyen',
    refusedSubmit: 'Confirmer le refus',
    once: 'Ce lien ne sert qu’une fois : votre réponse est définitive.',
    thanksReady: (code: string) => `Merci. La demande ${code} est maintenant prête ; le citoyen en est informé.`,
    thanksRefused: (code: string) => `Merci. La demande ${code} est refusée avec votre motif ; le citoyen en est informé.`,
    errorTitle: 'Réponse impossible',
  },
  ar: {
    title: 'الرد على طلب محال',
    intro: (service: string, code: string, body: string) => `طلب « ${service} »، رقم ${code}، محال إلى: ${body}.`,
    doneLegend: 'الوثيقة جاهزة',
    doneHelp: 'أرفقوا الوثيقة إن أمكن (PDF أو JPEG أو PNG، 2 ميغابايت على الأكثر). سيسحبها المواطن من الملحقة.',
    document: 'الوثيقة (اختياري)',
    doneSubmit: 'تأكيد: الوثيقة جاهزة',
    refusedLegend: 'الطلب مرفوض',
    reason: 'السبب',
    reasonText: 'توضيح (اختياري، وإلزامي مع « سبب آخر »)، يقرؤه المواطن',
    refusedSubmit: 'تأكيد الرفض',
    once: 'هذا الرابط صالح لمرة واحدة: ردكم نهائي.',
    thanksReady: (code: string) => `شكرا. الطلب ${code} جاهز الآن، وقد أُخبر المواطن.`,
    thanksRefused: (code: string) => `شكرا. الطلب ${code} مرفوض مع السبب الذي ذكرتموه، وقد أُخبر المواطن.`,
    errorTitle: 'تعذر الرد',
  },
} as const;

/** The errors a body can meet, in both languages (the API answers the English `message` with the same code). */
export const REPLY_ERRORS: Record<string, Record<ReplyLanguage, string>> = {
  invalid_link: { fr: 'Ce lien de réponse n’est pas valable (modifié, ou non émis par cette annexe).', ar: 'رابط الرد هذا غير صالح (معدل أو لم تصدره هذه الملحقة).' },
  link_expired: { fr: 'Ce lien de réponse a expiré : demandez-en un nouveau à l’annexe.', ar: 'انتهت صلاحية رابط الرد: اطلبوا رابطا جديدا من الملحقة.' },
  link_used: { fr: 'Cette demande a déjà reçu sa réponse : un lien ne sert qu’une fois.', ar: 'سبق الرد على هذا الطلب: الرابط صالح لمرة واحدة.' },
  request_closed: { fr: 'L’annexe a clos cette demande entre-temps : rien à répondre.', ar: 'أغلقت الملحقة هذا الطلب في الأثناء: لا شيء للرد عليه.' },
  document_too_large: { fr: 'Le document dépasse 2 Mo.', ar: 'الوثيقة تتجاوز 2 ميغابايت.' },
  document_type: { fr: 'Le document doit être un fichier PDF, JPEG ou PNG.', ar: 'يجب أن تكون الوثيقة ملف PDF أو JPEG أو PNG.' },
  reason_required: { fr: 'Un refus demande un motif (et une précision pour « Autre motif »).', ar: 'الرفض يتطلب سببا (وتوضيحا مع « سبب آخر »).' },
  invalid_reason: { fr: 'La précision contient des caractères refusés ou dépasse 500 caractères.', ar: 'التوضيح يحتوي على رموز غير مقبولة أو يتجاوز 500 حرف.' },
  rate_limited: { fr: 'Trop de tentatives : réessayez dans une minute.', ar: 'محاولات كثيرة: أعيدوا المحاولة بعد دقيقة.' },
  invalid_body: { fr: 'Le formulaire est incomplet.', ar: 'الاستمارة ناقصة.' },
};
