import type { LocalizedText } from '../../../src/domain/locales';
import { parseOpeningHours, type OpeningHours } from '../../../src/domain/officeIdentity';
import { readCatalogueFile } from '../catalogueFile';
import { readOfficeLogoFile } from '../officeLogoFile';
import { required, type CliValues, type StoreCommands } from './arguments';
import * as commands from './commands';

/** Offices: created, revoked, their catalogue and their identity on the kiosks and the portal. */
export const officeCommands: StoreCommands = {
  'create-office': (context, { values }) => commands.createOffice(context, { id: required(values.id, '--id'), name: required(values.name, '--name') }),
  'demo-setup': (context) => commands.demoSetup(context),
  'revoke-office': (context, { rest }) => commands.revokeOffice(context, required(rest[0], '<officeId>')),
  'catalogue-import': (context, { values, rest }) =>
    commands.catalogueImport(context, required(values.office, '--office'), readCatalogueFile(required(rest[0], '<file>'))),
  'set-office-identity': (context, { values }) =>
    commands.setOfficeIdentity(context, required(values.office, '--office'), {
      names: {
        ar: required(values['name-ar'], '--name-ar'),
        zgh: required(values['name-zgh'], '--name-zgh'),
        fr: required(values['name-fr'], '--name-fr'),
        en: required(values['name-en'], '--name-en'),
      },
      logo: values.logo ? readOfficeLogo(values.logo) : null,
      ...officeWhereabouts(values),
    }),
};

/** The portal's address (all four languages, or none) and opening hours of set-office-identity. */
function officeWhereabouts(values: CliValues): { address?: LocalizedText; openingHours?: OpeningHours } {
  const lines = { ar: values['address-ar'], zgh: values['address-zgh'], fr: values['address-fr'], en: values['address-en'] };
  const given = Object.values(lines).filter((line) => line !== undefined).length;
  if (given !== 0 && given !== 4) throw new commands.CommandError('give the address in all four languages (--address-ar, --address-zgh, --address-fr, --address-en), or none');
  const openingHours = values.hours === undefined ? undefined : parseOpeningHours(values.hours);
  if (openingHours === null) throw new commands.CommandError('--hours: spans like "1-5 08:30-16:30; 6 09:00-12:00" (ISO weekdays, 1 is Monday)');
  return {
    ...(given === 4 ? { address: lines as LocalizedText } : {}),
    ...(openingHours ? { openingHours } : {}),
  };
}

function readOfficeLogo(path: string) {
  try {
    return readOfficeLogoFile(path);
  } catch (error) {
    throw new commands.CommandError((error as Error).message);
  }
}
