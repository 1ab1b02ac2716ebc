import { openStorageEarly } from './storage/openStorageEarly';

// index.html's first script, a classic one built on its own (build/firstReadsScript.ts): it runs before any module is fetched.
openStorageEarly();
