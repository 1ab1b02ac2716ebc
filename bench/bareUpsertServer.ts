/**
 * The bare baseline of the ingest measure, run as a process of its own: Fastify + better-sqlite3
 * (WAL, synchronous = FULL, as the back office), one table keyed by id, each batch upserted in one
 * transaction and answered item by item. No validation, no idempotency comparison, no change log,
 * no authentication: what the back office's own ingest is compared with (bench/bareUpsert.ts).
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { join } from 'node:path';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: bareUpsertServer.ts <data dir>');
const db = new Database(join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO requests (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING');
const upsert = db.transaction((items: { id: string }[]) => items.map((item) => ({ id: item.id, outcome: insert.run(item.id, JSON.stringify(item)).changes === 1 ? 'accepted' : 'duplicate' })));

const app = Fastify({ bodyLimit: 16 * 1024 * 1024 });
app.post('/api/v1/requests/push', async (request) => ({ results: upsert((request.body as { items: { id: string }[] }).items) }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`Back office listening on ${url}`);
process.once('SIGTERM', () => void app.close().then(() => db.close()));
