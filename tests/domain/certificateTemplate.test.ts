import { describe, expect, it } from 'vitest';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';
import { catalogueSchema, type Service } from '../../src/domain/catalogue';
import { composeCertificate, fallbackLetterhead, fillPlaceholders, printedDate } from '../../src/domain/certificateTemplate';
import type { Identity } from '../../src/domain/identity';

const catalogue = catalogueSchema.parse(defaultCatalogue);
const identity: Identity = {
  cin: 'AB123456',
  lastNameLatin: 'El Amrani',
  firstNameLatin: 'Mohamed',
  lastNameArabic: 'العمراني',
  firstNameArabic: 'محمد',
  dateOfBirth: '1990-05-01',
  phone: '',
};

function service(id: string): Service {
  const found = catalogue.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

describe('certificate templates in the catalogue', () => {
  it('gives a certificate to each service that ends in a document the annex signs', () => {
    const withCertificate = catalogue.services.filter((s) => s.certificate).map((s) => s.id);
    expect(withCertificate).toEqual(['residence', 'life', 'single', 'non_remarriage', 'kinship', 'indigence']);
    expect(catalogue.certificateLetterhead?.lines.ar.length).toBeGreaterThan(2);
  });

  it('still accepts a catalogue written before templates existed', () => {
    const old = { ...catalogue, certificateLetterhead: undefined, services: catalogue.services.map((s) => ({ ...s, certificate: undefined })) };
    expect(catalogueSchema.safeParse(JSON.parse(JSON.stringify(old))).success).toBe(true);
  });

  it('refuses a template that names a field the service does not have', () => {
    const broken = structuredClone(defaultCatalogue) as { services: Array<{ id: string; certificate?: { body: { fr: string } } }> };
    const life = broken.services.find((s) => s.id === 'life');
    if (!life?.certificate) throw new Error('life has a certificate');
    life.certificate.body.fr += ' {field.adress}';
    const result = catalogueSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('{field.adress}');
  });

  it('fills the holder, the fields (option labels in the right language), the number and the date', () => {
    const residence = service('residence');
    const text = composeCertificate(
      residence.certificate!,
      { identity, fields: { address: '12 rue Atlas, Agdal', proofOfAddress: 'lease' }, serviceFields: residence.fields },
      { number: 'DEMO-2026-000001', issuedOn: '2026-12-02', letterhead: catalogue.certificateLetterhead! },
    );
    expect(text.title).toEqual({ ar: 'شهادة السكنى', fr: 'Certificat de résidence' });
    expect(text.body.fr).toContain('Mohamed El Amrani');
    expect(text.body.fr).toContain('AB123456');
    expect(text.body.fr).toContain('01/05/1990');
    expect(text.body.fr).toContain('12 rue Atlas, Agdal');
    expect(text.body.fr).toContain('Contrat de bail');
    expect(text.body.ar).toContain('محمد العمراني');
    expect(text.body.ar).toContain('عقد الكراء');
    expect(text.doneAt).toEqual({ ar: 'حرر بالرباط في 02/12/2026', fr: 'Fait à Rabat, le 02/12/2026' });
    for (const body of [text.body.ar, text.body.fr]) expect(body).not.toMatch(/\{[A-Za-z.]+\}/);
  });

  it('prints the Latin name in Arabic text when the holder gave no Arabic name', () => {
    const life = service('life');
    const text = composeCertificate(
      life.certificate!,
      { identity: { ...identity, firstNameArabic: '', lastNameArabic: '' }, fields: {}, serviceFields: life.fields },
      { number: 'X-1', issuedOn: '2026-12-02', letterhead: fallbackLetterhead('Annexe 7') },
    );
    expect(text.body.ar).toContain('Mohamed El Amrani');
    expect(text.letterhead.fr).toContain('Annexe 7');
  });

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(fillPlaceholders('a {x} b {y}', { x: '1' })).toBe('a 1 b {y}');
    expect(printedDate('2026-01-09')).toBe('09/01/2026');
  });
});
