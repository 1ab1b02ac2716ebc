/** A minimal event emitter standing in for WebContents, Session, BrowserWindow and App in tests. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Array<(...args: never[]) => unknown>>();

  on(event: string, listener: (...args: never[]) => unknown): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: (...args: never[]) => unknown): this {
    return this.on(event, listener);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

/** An event whose preventDefault can be observed. */
export function preventableEvent(): { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
