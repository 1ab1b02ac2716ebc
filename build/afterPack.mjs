// electron-builder's afterPack hook. tsx loads the typed hook (electron/afterPack.ts) and its tested
// fuse list (electron/fuses.ts), so there is no second, untyped copy of them here.
import { tsImport } from 'tsx/esm/api';

const { default: afterPack } = await tsImport('../electron/afterPack.ts', import.meta.url);

export default afterPack;
