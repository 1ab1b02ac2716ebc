import type { OfficeStreets } from '../../../src/domain/officeStreets';

/**
 * A plausible street list for the DEMO office (a small Rif town's streets, invented for the
 * demo: no real annex's territory), so `npm start` shows the address picker.
 */
export const DEMO_STREETS: OfficeStreets = [
  { latin: 'Avenue Mohammed V', ar: 'شارع محمد الخامس' },
  { latin: 'Avenue Hassan II', ar: 'شارع الحسن الثاني' },
  { latin: 'Boulevard Al Massira', ar: 'شارع المسيرة' },
  { latin: 'Boulevard Abdelkrim El Khattabi', ar: 'شارع عبد الكريم الخطابي' },
  { latin: 'Rue Atlas', ar: 'زنقة الأطلس' },
  { latin: 'Rue Al Andalous', ar: 'زنقة الأندلس' },
  { latin: 'Rue Al Qods', ar: 'زنقة القدس' },
  { latin: 'Rue Anoual', ar: 'زنقة أنوال' },
  { latin: 'Rue Ibn Battouta', ar: 'زنقة ابن بطوطة' },
  { latin: 'Rue Ibn Khaldoun', ar: 'زنقة ابن خلدون' },
  { latin: 'Rue Imam Malik', ar: 'زنقة الإمام مالك' },
  { latin: 'Rue Moulay Ismail', ar: 'زنقة مولاي إسماعيل' },
  { latin: 'Rue Oued Nekor', ar: 'زنقة واد النكور' },
  { latin: 'Rue Tarik Ibn Ziad', ar: 'زنقة طارق بن زياد' },
  { latin: 'Rue Al Amal', ar: 'زنقة الأمل' },
  { latin: 'Rue Al Wahda', ar: 'زنقة الوحدة' },
  { latin: 'Rue Al Manar', ar: 'زنقة المنار' },
  { latin: 'Rue Ifrane', ar: 'زنقة إفران' },
  { latin: 'Rue Tiznit', ar: 'زنقة تيزنيت' },
  { latin: 'Rue des Orangers', ar: 'زنقة البرتقال' },
  { latin: 'Quartier Sidi Abed', ar: 'حي سيدي عابد' },
  { latin: 'Quartier Mirador', ar: 'حي ميرادور' },
];

/** The DEMO office's name in each kiosk language, labelled as a demo in every one. */
export const DEMO_OFFICE_NAMES = {
  ar: 'تجريبي — ملحقة إدارية للعرض',
  zgh: 'DEMO — ⵜⴰⵏⵎⵍⵜ ⵜⴰⵏⴱⴱⴰⴹⵜ',
  fr: 'DEMO — Annexe de démonstration',
  en: 'DEMO — Demonstration annex',
} as const;
