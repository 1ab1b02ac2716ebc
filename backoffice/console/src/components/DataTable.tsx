import type { ReactNode } from 'react';

/**
 * The console's table frame: a caption (for screen readers only unless `captionShown`), one
 * header row of column titles, and the rows the page draws. Every list of the console uses it.
 */
export function DataTable({
  testId,
  caption,
  captionShown = false,
  columns,
  className = 'requests',
  children,
}: {
  testId: string;
  caption: string;
  captionShown?: boolean;
  /** Column titles in order; null leaves a column out (e.g. actions the reader may not take). */
  columns: ReadonlyArray<string | null>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className} data-testid={testId}>
      <caption className={captionShown ? undefined : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((title, index) =>
            title === null ? null : (
              <th key={index} scope="col">
                {title}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
