/**
 * Bundled by bench/ui/enqueue.ts and evaluated in the kiosk page: times the citizen's durable
 * write (the app's own submitRequest: one strict-durability transaction taking the sequence and
 * tracking code) into a separate database, so the app's data is left alone.
 */
// First: it must configure zod before any schema below is built.
import './zodWithoutEval';
import { submitRequest } from '../../src/app/submitRequest';
import { catalogueSchema } from '../../src/domain/catalogue';
import { ShubbakDb } from '../../src/storage/db';
import defaultCatalogue from '../../assets/catalogue/default-catalogue.json';

async function timeEnqueues(count: number): Promise<number[]> {
  const catalogue = catalogueSchema.parse(defaultCatalogue);
  const service = catalogue.services.find((candidate) => candidate.id === 'life')!;
  const db = new ShubbakDb('shubbak-bench-enqueue');
  const durations: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const draft = {
        serviceId: service.id,
        identity: { cin: 'AB123456', lastNameLatin: 'Alaoui', firstNameLatin: 'Amina', dateOfBirth: '1988-04-12' },
        fields: {},
      };
      const started = performance.now();
      try {
        await submitRequest({ draft, service, catalogueVersion: catalogue.version, locale: 'fr' }, { db });
      } catch (error) {
        // The wrapper names the class of failure; its cause says what the browser refused.
        throw new Error(`enqueue ${i} failed: ${String(error)} (cause: ${String((error as Error).cause)})`, { cause: error });
      }
      durations.push(performance.now() - started);
    }
  } finally {
    db.close();
    await db.delete();
  }
  return durations;
}

(globalThis as { shubbakBenchEnqueue?: typeof timeEnqueues }).shubbakBenchEnqueue = timeEnqueues;
