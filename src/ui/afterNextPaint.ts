/**
 * Runs `work` once the browser has painted the current frame: a frame callback, then a task
 * after it. A tap's screen shows first; what can wait a frame (focusing a field, which makes the
 * browser lay the page out again and opens the keyboard) comes after, instead of delaying the
 * frame that answers the tap. Returns a cancel for effect clean-ups. Where the page has no frames
 * (jsdom in unit tests), it falls back to a task.
 */
export function afterNextPaint(work: () => void): () => void {
  let task: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    task = setTimeout(work, 0);
    return () => clearTimeout(task);
  }
  const frame = requestAnimationFrame(() => {
    task = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (task !== undefined) clearTimeout(task);
  };
}
