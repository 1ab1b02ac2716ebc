import { useEffect, useState } from 'react';
import type { SupervisorServices, SyncStatus } from '../../supervisor/types';

/** The sync service's status, live (its `subscribe` calls back at once with the current status). */
export function useSyncStatus(services: SupervisorServices): SyncStatus {
  const [status, setStatus] = useState(() => services.sync.getStatus());
  useEffect(() => services.sync.subscribe(setStatus), [services]);
  return status;
}
