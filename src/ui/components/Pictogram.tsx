import { memo, type CSSProperties } from 'react';
import { GENERIC_PICTOGRAM, hasPictogram, pictogramUrl } from '../pictograms';

/**
 * Decorative: the service name is always written beside it. Drawn as a mask so it takes the theme
 * colour. Memoised (two plain props): the buttons around it render again far more often than it changes.
 */
export const Pictogram = memo(function Pictogram({ name, size = 96 }: { name: string; size?: number }) {
  const style = { '--pictogram-url': `url("${pictogramUrl(name)}")`, inlineSize: size, blockSize: size } as CSSProperties;
  return <span className="pictogram" aria-hidden="true" data-pictogram={hasPictogram(name) ? name : GENERIC_PICTOGRAM} style={style} />;
});
