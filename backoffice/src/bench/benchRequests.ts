import { v7 as uuidv7 } from 'uuid';
import type { Catalogue } from '../../../src/domain/catalogue';
import type { LocalizedText } from '../../../src/domain/locales';
import type { CitizenRequest } from '../../../src/domain/request';
import { formatTrackingCode } from '../../../src/domain/trackingCode';
import { SAMPLE_IDENTITY } from '../service/warmUp';

const text = (s: string): LocalizedText => ({ ar: s, zgh: s, fr: s, en: s });

/** One service with typed fields, so every request runs the full field validation. */
export const BENCH_CATALOGUE: Catalogue = {
  version: 1,
  services: [
    {
      id: 'birth_extract',
      name: text('Birth extract'),
      description: text('Birth extract'),
      pictogram: 'birth',
      fields: [
        { key: 'communeOfBirth', kind: 'text', label: text('Commune'), required: true },
        { key: 'actNumber', kind: 'digits', label: text('Act number'), required: true },
        { key: 'actYear', kind: 'year', label: text('Year'), required: true },
      ],
      documents: [text('CIN')],
      fee: { amountMad: null, confirmed: false },
      delay: text('days'),
      returnToCounter: false,
      handledBy: 'commune',
      active: true,
    },
  ],
};

export function benchRequest(prefix: string, kioskSeq: number, now: string): CitizenRequest {
  return {
    id: uuidv7(),
    kioskSeq,
    trackingCode: formatTrackingCode(prefix, kioskSeq),
    serviceId: 'birth_extract',
    catalogueVersion: 1,
    locale: 'ar',
    identity: SAMPLE_IDENTITY,
    fields: { communeOfBirth: 'Berkane', actNumber: String(1000 + kioskSeq), actYear: '1988' },
    consent: { noticeVersion: 1, acceptedAt: now },
    createdAt: now,
  };
}
