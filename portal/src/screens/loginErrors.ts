import { PortalApiError } from '../api/portalApi';

/** The portal's message key for a failed login call. */
export function loginErrorKey(
  error: unknown,
  wrongAnswerKey: 'login.wrongCode' | 'login.linkInvalid',
): 'login.failed' | 'login.offline' | 'login.throttled' | 'login.wrongCode' | 'login.linkInvalid' {
  if (!(error instanceof PortalApiError)) return 'login.failed';
  switch (error.reason) {
    case 'network':
      return 'login.offline';
    case 'throttled':
      return 'login.throttled';
    case 'unauthorized':
    case 'invalid':
    case 'notFound':
      return wrongAnswerKey;
    case 'conflict':
    case 'server':
      return 'login.failed';
  }
}
