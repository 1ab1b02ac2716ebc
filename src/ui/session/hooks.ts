import type { Service } from '../../domain/catalogue';
import type { Locale } from '../../domain/locales';
import { selectedService } from '../../machines/session/draft';
import type { SessionContext as SessionData, SessionEvent } from '../../machines/session/types';
import { useSessionPort, useSessionView } from './sessionPort';

export function useSend(): (event: SessionEvent) => void {
  return useSessionPort().send;
}

export function useSessionValue<T>(select: (context: SessionData) => T): T {
  return useSessionView((view) => select(view.context));
}

export function useLocale(): Locale {
  return useSessionValue((context) => context.locale);
}

export function useSelectedService(): Service | undefined {
  return useSessionValue(selectedService);
}
