/** The `meta` key of the kiosk's settings, in a module of its own: the start-up read names it without loading zod. */
export const SETTINGS_KEY = 'settings';
