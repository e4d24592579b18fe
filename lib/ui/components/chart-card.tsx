import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card.tsx";
import { cn } from "./cn.ts";
import { Disclosure } from "./disclosure.tsx";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "./table.tsx";

/** The numbers behind a chart, as a plain table (strings and numbers only, so a server page can pass it). */
export interface ChartData {
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Columns (by index) to right-align as numbers; default: every column after the first. */
  numericColumns?: readonly number[];
}

interface ChartCardProps {
  title: ReactNode;
  description?: ReactNode;
  /** What the chart shows, in one sentence (its accessible name: screen readers get this instead of the SVG). */
  label: string;
  /** The data fallback, behind "Show data". */
  data: ChartData;
  /** The chart (a recharts client component). */
  children: ReactNode;
  /** Height of the chart area (recharts' ResponsiveContainer fills it). */
  heightClass?: string;
  actions?: ReactNode;
  className?: string;
}

/**
 * A chart in a card: title, the chart as one image with an accessible name (role="img", the SVG's own parts are
 * noise to a screen reader), and its data as a table behind "Show data" for anyone who cannot read the picture.
 */
export function ChartCard({ title, description, label, data, children, heightClass = "h-64", actions, className }: ChartCardProps) {
  const numeric = new Set(data.numericColumns ?? data.columns.map((_, i) => i).filter((i) => i > 0));
  return (
    <Card className={className} data-slot="chart-card">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {actions}
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div role="img" aria-label={label} className={cn("w-full min-w-0", heightClass)}>
          {children}
        </div>
        <Disclosure summary="Show data">
          <TableContainer label={`Data: ${label}`} className="max-h-80 overflow-y-auto rounded-md border border-border">
            <Table>
              <TableHeader className="sticky top-0">
                <TableRow>
                  {data.columns.map((c, i) => (
                    <TableHead key={c} scope="col" className={numeric.has(i) ? "text-right" : undefined}>
                      {c}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.map((row, r) => (
                  <TableRow key={r}>
                    {row.map((value, i) => (
                      <TableCell key={i} numeric={numeric.has(i)}>
                        {typeof value === "number" ? value.toLocaleString("en-US") : value}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Disclosure>
      </CardContent>
    </Card>
  );
}
