/**
 * The portal's places, in the URL's fragment (`#/requests`), so the back button, a reload and the
 * e-mail login link (`/portal/#/login/<token>`, sent by the back office) all land where they should.
 */
export type PortalRoute =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'requests' }
  | { name: 'account' }
  | { name: 'language' }
  | { name: 'emailLink'; token: string };

export function parseRoute(hash: string): PortalRoute {
  const path = hash.replace(/^#/, '');
  const link = /^\/login\/([A-Za-z0-9_-]{16,256})$/.exec(path);
  if (link) return { name: 'emailLink', token: link[1]! };
  switch (path) {
    case '/new':
      return { name: 'new' };
    case '/requests':
      return { name: 'requests' };
    case '/account':
      return { name: 'account' };
    case '/language':
      return { name: 'language' };
    default:
      return { name: 'home' };
  }
}

export function routeHash(route: PortalRoute): string {
  return route.name === 'emailLink' ? `#/login/${route.token}` : route.name === 'home' ? '#/' : `#/${route.name}`;
}
