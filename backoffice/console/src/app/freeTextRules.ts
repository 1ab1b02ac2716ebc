import type { FreeTextRule } from '../../../../src/domain/text';

/** The free texts staff type in the console; the back office applies the same rules (src/domain/text). */
export const PROXY_NAME: FreeTextRule = { max: 120, letterRequired: true };
export const STAFF_NAME: FreeTextRule = { max: 120, letterRequired: true };
export const BODY_NAME: FreeTextRule = { max: 120, letterRequired: true };
export const COMMUNE_NAME: FreeTextRule = { max: 80, letterRequired: true };
