import { APP_ORIGIN } from './appOrigin';

/**
 * Receipts waiting to be printed, served by the `app://` handler under /print/ so that the
 * hidden print window loads from the app's own scheme like every other page (no `data:` URL).
 */
export interface PrintPages {
  /** Registers the markup and returns the URL that serves it. */
  add(html: string): string;
  remove(url: string): void;
  lookup(url: string): string | undefined;
}

const PRINT_URL = new RegExp(`^${APP_ORIGIN}/print/([0-9a-f-]{36})\\.html$`);

export function createPrintPages(randomId: () => string): PrintPages {
  const pages = new Map<string, string>();
  const idOf = (url: string): string | undefined => PRINT_URL.exec(url)?.[1];
  return {
    add(html) {
      const id = randomId();
      pages.set(id, html);
      return `${APP_ORIGIN}/print/${id}.html`;
    },
    remove(url) {
      const id = idOf(url);
      if (id !== undefined) pages.delete(id);
    },
    lookup(url) {
      const id = idOf(url);
      return id === undefined ? undefined : pages.get(id);
    },
  };
}
