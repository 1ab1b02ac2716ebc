/**
 * The console's pages, addressed by the URL's hash (`#/requests/<id>`): the back office serves one
 * index.html, and a reload or a bookmark comes back to the same page.
 */
export type Route =
  | { page: 'queues' }
  | { page: 'request'; id: string }
  | { page: 'fleet' }
  | { page: 'statistics' }
  | { page: 'staff' }
  | { page: 'catalogue' }
  | { page: 'forwarded' }
  | { page: 'directory' };

export type PageName = Route['page'];

const REQUEST = /^#\/requests\/([A-Za-z0-9-]{1,64})$/;

export function parseRoute(hash: string): Route {
  const request = REQUEST.exec(hash);
  if (request) return { page: 'request', id: request[1]! };
  switch (hash) {
    case '#/fleet':
      return { page: 'fleet' };
    case '#/statistics':
      return { page: 'statistics' };
    case '#/staff':
      return { page: 'staff' };
    case '#/catalogue':
      return { page: 'catalogue' };
    case '#/forwarded':
      return { page: 'forwarded' };
    case '#/directory':
      return { page: 'directory' };
    default:
      return { page: 'queues' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'request':
      return `#/requests/${route.id}`;
    case 'queues':
      return '#/queues';
    case 'fleet':
      return '#/fleet';
    case 'statistics':
      return '#/statistics';
    case 'staff':
      return '#/staff';
    case 'catalogue':
      return '#/catalogue';
    case 'forwarded':
      return '#/forwarded';
    case 'directory':
      return '#/directory';
  }
}
