/** The kiosk's IndexedDB database name, in a module of its own: the start-up read names it without loading Dexie. */
export const DB_NAME = 'shubbak';
