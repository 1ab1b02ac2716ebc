import type { Page } from 'playwright-core';

/**
 * What keeps the header from being one row, if anything: its items (the office, and each tool)
 * must share one line (each one's box overlaps every other's vertically), the header must be no
 * taller than its tallest button plus its own padding and border, and no item may stick out of
 * the viewport (a row that does not wrap can still overflow).
 */
export async function headerRowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('.kiosk-header');
    if (!header) return ['the header not found'];
    const tools = header.querySelector('.kiosk-header__tools');
    const items = [...header.children, ...(tools ? [...tools.children] : [])]
      // A dialog opened from the header (the language menu) lies in the top layer, not in the row.
      .filter((item): item is HTMLElement => item instanceof HTMLElement && item !== tools && !(item instanceof HTMLDialogElement))
      .map((item) => ({ name: item.dataset['testid'] ?? item.className, box: item.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const shown = (box: DOMRect) => `[${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}]`;
    if (items.length === 0) return ['the header shows nothing'];
    const problems: string[] = [];
    const lowestTop = Math.max(...items.map(({ box }) => box.top));
    const highestBottom = Math.min(...items.map(({ box }) => box.bottom));
    if (lowestTop >= highestBottom - 0.5) problems.push(`the header's items are not on one row: ${items.map(({ name, box }) => `${name} ${shown(box)}`).join(', ')}`);
    const style = getComputedStyle(header);
    const frame = [style.paddingTop, style.paddingBottom, style.borderTopWidth, style.borderBottomWidth].reduce((sum, length) => sum + parseFloat(length), 0);
    const rowButtons = [...header.querySelectorAll('button')].filter((button) => !button.closest('dialog'));
    const tallestButton = Math.max(0, ...rowButtons.map((button) => button.getBoundingClientRect().height));
    const height = header.getBoundingClientRect().height;
    if (height > tallestButton + frame + 1) problems.push(`the header is ${Math.round(height)} px high, more than one row of ${Math.round(tallestButton)} px buttons`);
    for (const { name, box } of items) {
      if (box.left < -0.5 || box.right > innerWidth + 0.5) problems.push(`the header's ${name} ${shown(box)} sticks out of the ${innerWidth} px viewport`);
    }
    return problems;
  });
}
