import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The baseline of `coldStartVsBlank`: React and one button with the attract screen's test id,
 * built and served the same way as the kiosk, so the ratio shows what the kiosk adds to React.
 */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <button type="button" data-testid="start">
      Start
    </button>
  </StrictMode>,
);
