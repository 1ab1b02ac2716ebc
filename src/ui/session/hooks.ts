import type { Service } from '../../domain/catalogue';
import type { Locale } from '../../domain/locales';
import { selectedService } from '../../machines/session/draft';
import type { SessionContext as SessionData } from '../../machines/session/types';
import { SessionContext } from './SessionProvider';

export function useSend() {
  return SessionContext.useActorRef().send;
}

export function useSessionValue<T>(select: (context: SessionData) => T): T {
  return SessionContext.useSelector((snapshot) => select(snapshot.context));
}

export function useLocale(): Locale {
  return useSessionValue((context) => context.locale);
}

export function useSelectedService(): Service | undefined {
  return useSessionValue(selectedService);
}
