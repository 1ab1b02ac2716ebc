/** What the back office pays per street recording upload: every key of a 3,000-street list derived and compared (h13-streets). `npx tsx bench/streetPromptIds.ts`. */
import { performance } from 'node:perf_hooks';
import { isPromptOfStreets, streetPromptId } from '../src/domain/streetPrompts';
const streets = Array.from({ length: 3000 }, (_, i) => ({ latin: `Rue Numéro ${i} des Orangers d'Été`, ar: `زنقة ${i}` }));
const ids = new Set(streets.map(streetPromptId));
console.log('distinct ids for 3000 streets:', ids.size);
const last = streetPromptId(streets[2999]!);
for (let i = 0; i < 20; i++) isPromptOfStreets(last, streets);
const runs = 200; const t0 = performance.now();
for (let i = 0; i < runs; i++) isPromptOfStreets(last, streets);
console.log('isPromptOfStreets, worst case (last of 3000), ms per call:', ((performance.now() - t0) / runs).toFixed(3));
