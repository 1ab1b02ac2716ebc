import { z } from 'zod';

/**
 * Routing: a request whose service is handled by another body (the catalogue's `handledBy`, e.g.
 * the commune of birth for a birth extract) is forwarded to that body when the office accepts it,
 * and the body answers through a signed, single-use reply link. The contracts shared by the back
 * office's store, service, routes and console live here; the signing itself is the back office's.
 */

/** The catalogue's `handledBy` for work the annex does itself: never forwarded. */
export const HANDLED_BY_ANNEX = 'annex';

/**
 * Accepting a request means the agent takes it into review (received → inReview): only then has
 * someone at the annex checked it is complete, so only then does it leave for the other body.
 */
export const FORWARD_ON_STATUS = 'inReview' as const;

/** Kinds are the catalogue's `handledBy` words: lower-case words joined by hyphens. */
export const bodyKindSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  .max(60)
  .refine((kind) => kind !== HANDLED_BY_ANNEX, 'the annex is not a body of the directory');

export const BODY_NAME_MAX = 120;
export const COMMUNE_NAME_MAX = 80;
export const MAX_COMMUNES_PER_BODY = 200;

/** The request field whose value says which commune holds the citizen's birth act. */
export const COMMUNE_FIELD_BY_KIND: Readonly<Record<string, string>> = { 'commune-of-birth': 'communeOfBirth' };

/** One body of an office's directory: how to reach it, and for a commune which communes it answers for. */
export interface DirectoryBody {
  id: string;
  officeId: string;
  kind: string;
  nameAr: string;
  nameFr: string;
  /** Commune names it covers (as written by the admin); empty: it takes every request of its kind. */
  communes: string[];
  email: string | null;
  /** HTTPS endpoint receiving a signed JSON POST (http:// only for the same machine). */
  endpoint: string | null;
  createdAt: string;
  removedAt: string | null;
}

/** Where a forwarded request stands, as the console shows it. */
export const FORWARD_STANDINGS = ['queued', 'sent', 'answered', 'overdue'] as const;
export type ForwardStanding = (typeof FORWARD_STANDINGS)[number];

export type ForwardAnswer = 'done' | 'refused';

export interface ForwardFacts {
  sentAt: string | null;
  answeredAt: string | null;
  /** Forwarded at + the service's announced delay; null: the service announces none. */
  dueAt: string | null;
}

/** Answered wins; otherwise past its due time it is overdue, whether or not the message left yet. */
export function forwardStanding(facts: ForwardFacts, now: Date): ForwardStanding {
  if (facts.answeredAt !== null) return 'answered';
  if (facts.dueAt !== null && Date.parse(facts.dueAt) < now.getTime()) return 'overdue';
  return facts.sentAt !== null ? 'sent' : 'queued';
}

/** Folded for matching: lower case, no accents or harakat, words separated by one space. */
export function foldCommune(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .join(' ');
}

export type BodyChoice =
  | { route: 'annex' }
  /** The directory has no body of this kind: the office handles such requests by hand, as before routing. */
  | { route: 'unrouted'; kind: string }
  | { route: 'body'; body: DirectoryBody }
  /** Bodies of this kind exist, none for this request (its commune is missing from the directory). */
  | { route: 'noBody'; kind: string };

/**
 * Which body handles a request. A commune-of-birth request goes to the body listing its commune,
 * else to a body of that kind that lists none (a catch-all); another kind to its first body.
 * Removed bodies never receive anything. Routing is opt-in per kind: a kind with no body at all is
 * `unrouted`.
 */
export function chooseBody(handledBy: string, fields: Readonly<Record<string, string>>, bodies: readonly DirectoryBody[]): BodyChoice {
  if (handledBy === HANDLED_BY_ANNEX) return { route: 'annex' };
  const candidates = bodies.filter((body) => body.kind === handledBy && body.removedAt === null);
  if (candidates.length === 0) return { route: 'unrouted', kind: handledBy };
  const field = COMMUNE_FIELD_BY_KIND[handledBy];
  const wanted = field && fields[field] !== undefined ? foldCommune(fields[field]) : null;
  const named = wanted ? candidates.find((body) => body.communes.some((commune) => foldCommune(commune) === wanted)) : undefined;
  const chosen = named ?? candidates.find((body) => body.communes.length === 0);
  return chosen ? { route: 'body', body: chosen } : { route: 'noBody', kind: handledBy };
}

/** What a reply link's token carries, signed by the back office (format in docs/routing.md). */
export const replyClaimsSchema = z.strictObject({
  /** Token format version. */
  v: z.literal(1),
  /** The forward (one request sent to one body). */
  f: z.string().uuid(),
  r: z.string().uuid(),
  b: z.string().uuid(),
  /** Random nonce of the forward: used once, then refused. */
  n: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
  /** The signing key's id (the back office's Ed25519 keyring). */
  k: z.string().min(1).max(64),
});
export type ReplyClaims = z.infer<typeof replyClaimsSchema>;

/** A reply link stays valid this long after the message is written. */
export const REPLY_LINK_DAYS = 30;

/** The documents a body may return with `done`, and their cap. */
export const REPLY_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ReplyDocumentType = (typeof REPLY_DOCUMENT_TYPES)[number];
export const REPLY_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;

/** The first bytes each accepted type starts with: the declared type must match the content. */
export function documentTypeOf(bytes: Uint8Array): ReplyDocumentType | null {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

/** An admin's new directory entry (console and CLI alike); the back office cleans the names with the shared text rule. */
export const newBodyInputSchema = z
  .strictObject({
    kind: bodyKindSchema,
    nameAr: z.string().min(1).max(BODY_NAME_MAX),
    nameFr: z.string().min(1).max(BODY_NAME_MAX),
    communes: z.array(z.string().min(1).max(COMMUNE_NAME_MAX)).max(MAX_COMMUNES_PER_BODY).default([]),
    email: z.email().max(254).optional(),
    endpoint: z.url().max(500).optional(),
  })
  .refine((body) => body.email !== undefined || body.endpoint !== undefined, 'a body needs an e-mail address or an endpoint');
export type NewBodyInput = z.input<typeof newBodyInputSchema>;

/** Plain http:// reaches only this machine (tests, a local bridge); anything farther needs https://. */
export function isAcceptableEndpoint(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

/** What the console shows of a forward (no personal data beyond the request's own page). */
export const forwardViewSchema = z.strictObject({
  id: z.string(),
  requestId: z.string(),
  trackingCode: z.string(),
  body: z.strictObject({ id: z.string(), nameAr: z.string(), nameFr: z.string() }),
  standing: z.enum(FORWARD_STANDINGS),
  forwardedAt: z.string(),
  sentAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: z.enum(['done', 'refused']).nullable(),
  hasDocument: z.boolean(),
});
export type ForwardView = z.infer<typeof forwardViewSchema>;
export const forwardListSchema = z.strictObject({ forwards: z.array(forwardViewSchema) });

export const directoryBodySchema = z.strictObject({
  id: z.string(),
  officeId: z.string(),
  kind: z.string(),
  nameAr: z.string(),
  nameFr: z.string(),
  communes: z.array(z.string()),
  email: z.string().nullable(),
  endpoint: z.string().nullable(),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
});
export const directoryListSchema = z.strictObject({ bodies: z.array(directoryBodySchema) });
