import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST_DIR = path.join(REPO_ROOT, 'dist');
export const CHROMIUM = process.env.SHUBBAK_CHROMIUM ?? '/usr/bin/chromium';
