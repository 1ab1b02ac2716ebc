import type { SupervisorServices } from '../supervisor/types';
import type { LazyStorage } from './lazyStorage';

/**
 * The supervisor's services for the supervisor frame, which mounts with the first screen, before
 * the storage is open. The frame starts by loading the lock state, which waits here for the
 * storage; supervisor mode cannot open before that answer, so the overlay only ever runs on open
 * storage. Every asynchronous call waits for it; the synchronous ones (the sync status, the
 * microphone) are reached only from the overlay.
 */
export function supervisorOnceStored(storage: LazyStorage, now: () => number, autoLockMs: number): SupervisorServices {
  const open = () => storage.ready().then((services) => services.supervisor);
  const opened = (): SupervisorServices => {
    if (!storage.current) throw new Error('supervisor services used before the storage was open');
    return storage.current.supervisor;
  };
  return {
    now,
    autoLockMs,
    lock: {
      loadLockState: () => open().then((services) => services.lock.loadLockState()),
      checkPin: (pin) => open().then((services) => services.lock.checkPin(pin)),
      savePin: (pin) => open().then((services) => services.lock.savePin(pin)),
      changePin: (currentPin, nextPin) => open().then((services) => services.lock.changePin(currentPin, nextPin)),
    },
    audit: (action, detail) => open().then((services) => services.audit(action, detail)),
    changePin: (currentPin, nextPin) => open().then((services) => services.changePin(currentPin, nextPin)),
    sync: {
      getStatus: () => opened().sync.getStatus(),
      subscribe: (listener) => opened().sync.subscribe(listener),
      syncNow: () => open().then((services) => services.sync.syncNow()),
      enrol: (backofficeUrl, code, label) => open().then((services) => services.sync.enrol(backofficeUrl, code, label)),
    },
    outbox: {
      count: () => open().then((services) => services.outbox.count()),
      page: (offset, limit) => open().then((services) => services.outbox.page(offset, limit)),
      retry: (row) => open().then((services) => services.outbox.retry(row)),
      discard: (row, reason) => open().then((services) => services.outbox.discard(row, reason)),
    },
    auditLog: {
      page: (limit, before) => open().then((services) => services.auditLog.page(limit, before)),
    },
    settings: {
      load: () => open().then((services) => services.settings.load()),
      save: (next) => open().then((services) => services.settings.save(next)),
    },
    testPrinter: (receipt) => open().then((services) => services.testPrinter(receipt)),
    diagnostics: () => open().then((services) => services.diagnostics()),
    voicePrompts: {
      get microphone() {
        return opened().voicePrompts.microphone;
      },
      officeStreets: () => open().then((services) => services.voicePrompts.officeStreets()),
      list: () => open().then((services) => services.voicePrompts.list()),
      audio: (promptId, language) => open().then((services) => services.voicePrompts.audio(promptId, language)),
      save: (promptId, language, take) => open().then((services) => services.voicePrompts.save(promptId, language, take)),
      remove: (promptId, language) => open().then((services) => services.voicePrompts.remove(promptId, language)),
    },
  };
}
