/**
 * `npm run audio:build`: synthesises the prompts of assets/audio/manifest.json that have no
 * up-to-date file yet, records them in the manifest, and reports which prompts still lack a
 * voice (Amazigh: no offline voice exists; staff recordings fill the gap). `--check` changes
 * nothing and fails when a file is missing or stale, for CI. Last line: one JSON object.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { audioManifestSchema } from '../src/domain/audioPrompts';
import { REPO_ROOT } from './backofficeProcess';
import { planSynthesis, synthesise, withFiles } from './audioSynthesis';

const audioDir = path.join(REPO_ROOT, 'assets', 'audio');
const manifestPath = path.join(audioDir, 'manifest.json');
const checkOnly = process.argv.includes('--check');

const manifest = audioManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
const plan = planSynthesis(manifest, (relative) => existsSync(path.join(audioDir, relative)));

if (checkOnly && plan.jobs.length > 0) {
  for (const job of plan.jobs) console.error(`stale or missing: ${job.path}`);
}
const made = [];
if (!checkOnly) {
  for (const job of plan.jobs) {
    made.push({ job, file: await synthesise(job, audioDir) });
    console.log(`synthesised ${job.path}`);
  }
  if (made.length > 0) await writeFile(manifestPath, `${JSON.stringify(withFiles(manifest, made), null, 2)}\n`);
}
const missing = [...new Set(plan.missingVoice.map(({ language }) => language))];
for (const language of missing) {
  const ids = plan.missingVoice.filter((entry) => entry.language === language).map((entry) => entry.promptId);
  console.log(`no offline voice for ${language}: ${ids.length} prompts wait for a staff recording (${ids.join(', ')})`);
}
console.log(
  JSON.stringify({
    synthesised: made.length,
    upToDate: plan.upToDate,
    stale: checkOnly ? plan.jobs.length : 0,
    missingVoice: Object.fromEntries(missing.map((language) => [language, plan.missingVoice.filter((entry) => entry.language === language).length])),
  }),
);
if (checkOnly && plan.jobs.length > 0) process.exitCode = 1;
