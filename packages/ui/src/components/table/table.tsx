import { type ReactNode, useId } from 'react';
import { cx } from '../cx.js';

/** A column: its header and whether it holds numbers (right-aligned). */
export interface TableColumn {
  header: ReactNode;
  numeric?: boolean;
}

export interface TableProps {
  caption: ReactNode;
  columns: readonly TableColumn[];
  /** Cells by row; the first cell of each row is its header (`<th scope="row">`). */
  rows: ReadonlyArray<readonly ReactNode[]>;
  /** Hide the caption visually (it stays the table's name). */
  captionHidden?: boolean;
}

/**
 * A data table with a caption, column headers (`scope="col"`) and row headers. A wide table
 * scrolls inside a focusable, labelled container, so the page itself never scrolls sideways
 * (WCAG 1.4.10 allows this for data tables) and keyboard users can scroll it.
 */
export function Table({ caption, columns, rows, captionHidden = false }: TableProps) {
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard.
    <section className="mpp-table-wrapper" aria-labelledby={captionId} tabIndex={0}>
      <table className="mpp-table">
        <caption
          className={cx('mpp-table__caption', captionHidden && 'mpp-visually-hidden')}
          id={captionId}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                key={index}
                scope="col"
                className={cx(column.numeric && 'mpp-table__numeric')}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={index} className={cx(columns[index]?.numeric && 'mpp-table__numeric')}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
