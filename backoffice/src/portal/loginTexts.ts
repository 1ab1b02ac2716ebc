import type { Locale } from '../../../src/domain/locales';

/**
 * What the citizen receives to sign in, in the language the app was showing. Short enough for
 * one SMS in each script (Arabic and Tifinagh SMS are UCS-2: 70 characters a part). The code is
 * also put first so a phone's "copy code" suggestion finds it.
 */
const SMS: Record<Locale, (code: string, minutes: number) => string> = {
  ar: (code, minutes) => `${code} رمز الدخول إلى بوابة شباك، صالح ${minutes} دقائق. لا يُعطى لأحد.`,
  zgh: (code, minutes) => `${code} ⵜⴰⵏⴳⴰⵍⵜ ⵏ ⵓⴽⵛⵛⵓⵎ ⵖⵔ ⵛⵓⴱⴰⴽ, ${minutes} ⵜⵓⵙⴷⵉⴷⵉⵏ. ⵓⵔ ⵜⵜ ⵜⵜⴰⴽⴽ ⵉ ⵢⴰⵏ.`,
  fr: (code, minutes) => `${code} est votre code Shubbak, valable ${minutes} minutes. Ne le donnez à personne.`,
  en: (code, minutes) => `${code} is your Shubbak code, valid ${minutes} minutes. Never give it to anyone.`,
};

export function loginSmsText(locale: Locale, code: string, minutes: number): string {
  return SMS[locale](code, minutes);
}

const MAIL: Record<Locale, { subject: string; body: (link: string, minutes: number) => string }> = {
  ar: {
    subject: 'الدخول إلى بوابة شباك',
    body: (link, minutes) => `المرجو فتح هذا الرابط للدخول إلى بوابة شباك (صالح ${minutes} دقيقة، مرة واحدة):\n\n${link}\n\nإذا لم يكن الطلب منكم، المرجو تجاهل هذه الرسالة.`,
  },
  zgh: {
    subject: 'ⴰⴽⵛⵛⵓⵎ ⵖⵔ ⵛⵓⴱⴰⴽ',
    body: (link, minutes) => `ⵔⵥⵎ ⴰⵙⵖⵏ ⴰ ⵃⵎⴰ ⴰⴷ ⵜⴽⵛⵎⴷ ⵖⵔ ⵛⵓⴱⴰⴽ (${minutes} ⵜⵓⵙⴷⵉⴷⵉⵏ, ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ):\n\n${link}\n\nⵎⴽ ⵓⵔ ⵜⵙⵓⵜⵔⴷ ⴰⵢⴰ, ⵓⵔ ⵜⴳⵉⴷ ⴰⵎⵢⴰ.`,
  },
  fr: {
    subject: 'Connexion au portail Shubbak',
    body: (link, minutes) =>
      `Ouvrez ce lien pour vous connecter au portail Shubbak (valable ${minutes} minutes, une seule fois) :\n\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
  },
  en: {
    subject: 'Sign in to the Shubbak portal',
    body: (link, minutes) => `Open this link to sign in to the Shubbak portal (valid ${minutes} minutes, once):\n\n${link}\n\nIf you did not ask for it, ignore this message.`,
  },
};

export function loginMail(locale: Locale, link: string, minutes: number): { subject: string; text: string } {
  const mail = MAIL[locale];
  return { subject: mail.subject, text: mail.body(link, minutes) };
}
