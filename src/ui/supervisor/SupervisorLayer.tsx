import type { ReactNode } from 'react';
import type { SupervisorServices } from '../../supervisor/types';
import { SupervisorFrame } from './SupervisorFrame';
import { SupervisorOverlay } from './SupervisorOverlay';

interface SupervisorLayerProps {
  services: SupervisorServices;
  /** Called when the gesture opens supervisor mode: resets the citizen session, so staff never see a citizen's data. */
  onOpen(): void;
  children: ReactNode;
}

/**
 * Renders the kiosk and, above it, the supervisor overlay, with the overlay's code at hand. The
 * kiosk app mounts `SupervisorFrame` with an overlay loaded on the first gesture instead.
 */
export function SupervisorLayer({ services, onOpen, children }: SupervisorLayerProps) {
  return (
    <SupervisorFrame services={services} onOpen={onOpen} Overlay={SupervisorOverlay}>
      {children}
    </SupervisorFrame>
  );
}
