/**
 * Prints rows as an aligned text table: columns from `rightFrom` on are right-aligned
 * (numbers), the others left-aligned.
 */
export function printTable(header, rows, rightFrom) {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells) => cells.map((cell, j) => (j >= rightFrom ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
