import { startFirstReads } from './app/firstReads';

// index.html's first module script: it needs none of the libraries, so it runs while they are still loading (src/app/firstReads.ts).
startFirstReads();
