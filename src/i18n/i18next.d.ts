import 'i18next';
import type audioEn from '../../locales/en/audio.json';
import type citizenEn from '../../locales/en/citizen.json';
import type commonEn from '../../locales/en/common.json';
import type journeyEn from '../../locales/en/journey.json';
import type consoleEn from '../../locales/en/console.json';
import type keyboardEn from '../../locales/en/keyboard.json';
import type portalEn from '../../locales/en/portal.json';
import type readingEn from '../../locales/en/reading.json';
import type supervisorEn from '../../locales/en/supervisor.json';
import type validationEn from '../../locales/en/validation.json';
import type verifyEn from '../../locales/en/verify.json';

// English is the source locale: keys are typed from it, and tests/ui/locales.test.ts makes
// sure every other language has the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'citizen';
    resources: {
      audio: typeof audioEn;
      citizen: typeof citizenEn;
      common: typeof commonEn;
      journey: typeof journeyEn;
      console: typeof consoleEn;
      keyboard: typeof keyboardEn;
      portal: typeof portalEn;
      reading: typeof readingEn;
      supervisor: typeof supervisorEn;
      validation: typeof validationEn;
      verify: typeof verifyEn;
    };
  }
}
