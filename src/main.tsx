import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootKiosk } from './app/bootstrap';
import { KioskApp } from './app/KioskApp';
import { installKioskInputGuard } from './app/kioskInputGuard';
import './ui/styles/global.css';

installKioskInputGuard(window);

const root = createRoot(document.getElementById('root')!);

function showBootFailure(error: unknown): void {
  console.error('kiosk start-up failed', error);
  // Every language's message is in BootFailure's own chunk: a failed start-up is the only time it is needed.
  void import('./app/BootFailure').then(({ BootFailure }) => root.render(<BootFailure />));
}

bootKiosk().then((boot) => {
  root.render(
    <StrictMode>
      <KioskApp boot={boot} onStorageFailure={showBootFailure} />
    </StrictMode>,
  );
}, showBootFailure);
