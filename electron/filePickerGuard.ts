/**
 * There is no Electron switch that disables `<input type=file>`, and its dialog opens onto the
 * file system. In the preload (isolated world, same DOM) every file input is disabled as soon as
 * it appears, and a click on one is cancelled before Chromium can open the picker.
 */
export function refuseFilePickers(document: Document): void {
  const isFileInput = (node: unknown): node is HTMLInputElement =>
    node instanceof document.defaultView!.HTMLInputElement && node.type.toLowerCase() === 'file';

  // Only when not yet disabled: setting the attribute queues a mutation even when unchanged, which would loop.
  const disable = (input: HTMLInputElement): void => {
    if (!input.disabled) input.disabled = true;
  };
  const disableWithin = (root: ParentNode): void => {
    root.querySelectorAll('input').forEach((input) => {
      if (isFileInput(input)) disable(input);
    });
  };

  document.addEventListener(
    'click',
    (event) => {
      if (isFileInput(event.target)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  new document.defaultView!.MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && isFileInput(mutation.target)) disable(mutation.target);
      mutation.addedNodes.forEach((node) => {
        if (isFileInput(node)) disable(node);
        else if (node instanceof document.defaultView!.Element) disableWithin(node);
      });
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['type', 'disabled'] });

  disableWithin(document);
}

/** Middle click and mouse "open in new window" gestures: cancelled in the page as well as denied by the window-open handler. */
export function refuseAuxiliaryClicks(document: Document): void {
  document.addEventListener('auxclick', (event) => event.preventDefault(), true);
}
