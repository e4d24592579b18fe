"use client";

import type { Column, RowData, Table } from "@tanstack/react-table";
import { Columns3Icon } from "lucide-react";
import { Button } from "./button.tsx";
import type { DataTableFeatures } from "./data-table.tsx";
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "./dropdown-menu.tsx";

function columnLabel<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): string {
  const meta = column.columnDef.meta;
  if (meta?.label) return meta.label;
  const header = column.columnDef.header;
  return typeof header === "string" ? header : column.id;
}

/** "Columns" menu: a checkbox per hideable column; the last visible column cannot be hidden. */
export function ColumnVisibilityMenu<TData extends RowData>({ table }: { table: Table<DataTableFeatures, TData> }) {
  const columns = table.getAllLeafColumns().filter((c) => c.getCanHide());
  const visible = table.getVisibleLeafColumns().length;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3Icon aria-hidden />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>Show columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={column.getIsVisible()}
            disabled={column.getIsVisible() && visible <= 1}
            onCheckedChange={(value) => column.toggleVisibility(value)}
            onSelect={(event) => event.preventDefault()}
          >
            {columnLabel(column)}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
