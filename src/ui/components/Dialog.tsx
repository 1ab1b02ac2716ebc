import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal message over the current screen. Rendered with `open` so it sits in the top layer and
 * keeps focus inside; it never closes on its own, only through its buttons.
 */
export function Dialog({ name, title, children, actions }: { name: string; title: ReactNode; children?: ReactNode; actions: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom has no showModal; a plain open dialog is enough there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid={`dialog-${name}`}
      aria-labelledby={`dialog-${name}-title`}
      // Escape would close a modal <dialog>; on a kiosk only the buttons decide.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id={`dialog-${name}-title`} className="dialog__title">
        {title}
      </h2>
      {children ? <div className="dialog__body">{children}</div> : null}
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
