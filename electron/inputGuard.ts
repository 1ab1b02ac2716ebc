/** The fields of Electron's `Input` the guard reads. */
export interface KeyInput {
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** With Ctrl/Cmd held, only text editing passes: copy, cut, paste, select all, undo, redo, word moves. */
const EDITING_WITH_MODIFIER = new Set(['a', 'c', 'v', 'x', 'z', 'y', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Backspace', 'Delete', 'Home', 'End']);

/** Alt chords that leave the page: close window, history back/forward, home, the window menu. */
const ALT_ESCAPES = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home', ' ']);

/** Keys Chromium maps to browser commands (media keyboards, some kiosk keypads). */
const BROWSER_KEYS = /^Browser|^(?:LaunchApplication|LaunchMail|ContextMenu)/;

const FUNCTION_KEY = /^F\d{1,2}$/;

/**
 * Whether a key chord must never reach Chromium: reload, close, quit, print, open, new
 * window/tab, minimise, devtools, zoom, fullscreen, tab switching. Ordinary typing passes,
 * including AltGr characters on AZERTY keyboards (reported as Ctrl+Alt on Windows).
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (FUNCTION_KEY.test(input.key) || BROWSER_KEYS.test(input.key)) return true;
  const commandKey = input.control || input.meta;
  if (commandKey && input.alt && isTypedCharacter(input.key)) return false;
  if (commandKey) return !EDITING_WITH_MODIFIER.has(input.key.length === 1 ? input.key.toLowerCase() : input.key);
  if (input.alt) return ALT_ESCAPES.has(input.key);
  return false;
}

/** A printable character that is not a plain letter or digit, as AltGr produces ('@', '€', '#'). */
function isTypedCharacter(key: string): boolean {
  return [...key].length === 1 && !/^[a-z0-9]$/i.test(key) && !['+', '-', '=', '_'].includes(key);
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of `webContents` the guard uses (a real WebContents satisfies it). */
export interface GuardedContents {
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  on(event: 'context-menu', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'did-finish-load' | 'zoom-changed', listener: () => void): unknown;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  setZoomFactor(factor: number): void;
}

/** Blocks escape shortcuts, the context menu and every kind of zoom (keys, pinch, Ctrl+wheel). */
export function guardInput(contents: GuardedContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('context-menu', (event) => event.preventDefault());
  const fixZoom = (): void => {
    contents.setZoomFactor(1);
    void contents.setVisualZoomLevelLimits(1, 1);
  };
  fixZoom();
  contents.on('did-finish-load', fixZoom);
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
}
