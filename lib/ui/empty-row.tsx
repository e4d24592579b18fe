import type { ReactNode } from "react";
import { TableEmpty } from "./components/table.tsx";

/** The one row a table shows when nothing matches, spanning all its columns. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return <TableEmpty columns={columns}>{children}</TableEmpty>;
}
