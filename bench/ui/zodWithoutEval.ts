import { z } from 'zod';

// Bench bundles are evaluated through DevTools, where zod's one-time probe for `new Function`
// succeeds; later parses run under the page's CSP (no 'unsafe-eval') and would throw. Without
// code generation zod parses as it does in the app, where the probe fails under the CSP.
z.config({ jitless: true });
