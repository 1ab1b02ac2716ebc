import type { CSSProperties } from 'react';
import { GENERIC_PICTOGRAM, hasPictogram, pictogramUrl } from '../pictograms';

/** Decorative: the service name is always written beside it. Drawn as a mask so it takes the theme colour. */
export function Pictogram({ name, size = 96 }: { name: string; size?: number }) {
  const style = { '--pictogram-url': `url("${pictogramUrl(name)}")`, inlineSize: size, blockSize: size } as CSSProperties;
  return <span className="pictogram" aria-hidden="true" data-pictogram={hasPictogram(name) ? name : GENERIC_PICTOGRAM} style={style} />;
}
