import 'i18next';
import type citizen from '../../locales/en/citizen.json';
import type common from '../../locales/en/common.json';
import type validation from '../../locales/en/validation.json';
import type supervisor from '../../locales/en/supervisor.json';

// English is the source locale: keys are typed from it, and tests/ui/locales.test.ts makes
// sure every other language has the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'citizen';
    resources: {
      citizen: typeof citizen;
      common: typeof common;
      validation: typeof validation;
      // Written by the keyboard and supervisor owners; typed loosely until their English files land.
      keyboard: Record<string, string>;
      supervisor: typeof supervisor;
    };
  }
}
