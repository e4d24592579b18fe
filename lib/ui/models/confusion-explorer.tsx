"use client";

import { useId, useState } from "react";
import { Stat } from "../components/stat.tsx";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "../components/table.tsx";
import { confusionAtThreshold } from "./confusion-at-threshold.ts";
import { formatMetric } from "./metric-format.ts";
import type { RocCurve } from "./report-view.ts";

const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * The confusion matrix under a threshold slider. The slider asks for any threshold in [0, 1]; the matrix is read
 * at the nearest threshold the stored ROC curve has (exact there), and says which one it used.
 */
export function ConfusionExplorer({ roc, positives, rows, initialThreshold }: { roc: RocCurve; positives: number; rows: number; initialThreshold: number }) {
  const [asked, setAsked] = useState(initialThreshold);
  const id = useId();
  const at = confusionAtThreshold(roc, positives, rows, asked);
  if (!at) return <p className="m-0 text-sm text-muted-foreground">This version has no ROC curve to read a confusion matrix from.</p>;
  const shown = at.threshold > 1 ? "above every score (nothing flagged)" : at.threshold.toFixed(4);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="text-sm font-medium">
          Decision threshold: <span className="tabular-nums">{asked.toFixed(2)}</span>
        </label>
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={asked}
          onChange={(e) => setAsked(Number(e.target.value))}
          aria-describedby={`${id}-hint`}
          className="w-full max-w-md accent-[var(--primary)]"
        />
        <p id={`${id}-hint`} className="m-0 text-xs text-muted-foreground">
          A customer is flagged as churning when the model's probability is at least the threshold. The matrix uses the nearest threshold on the
          stored ROC curve: <span className="tabular-nums">{shown}</span>.
        </p>
      </div>
      <div aria-live="polite" className="flex flex-col gap-4">
        <TableContainer label="Confusion matrix" className="max-w-md rounded-md border border-border">
          <Table>
            <caption className="sr-only">Confusion matrix at threshold {shown}: rows are the actual outcome, columns the prediction</caption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Actual \ predicted</TableHead>
                <TableHead scope="col" className="text-right">Churn</TableHead>
                <TableHead scope="col" className="text-right">Stays</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableHead scope="row" className="bg-transparent">Churned</TableHead>
                <TableCell numeric data-testid="cm-tp">{count(at.tp)}</TableCell>
                <TableCell numeric data-testid="cm-fn">{count(at.fn)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHead scope="row" className="bg-transparent">Stayed</TableHead>
                <TableCell numeric data-testid="cm-fp">{count(at.fp)}</TableCell>
                <TableCell numeric data-testid="cm-tn">{count(at.tn)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </TableContainer>
        <div className="grid grid-cols-3 gap-4 sm:max-w-md">
          <Stat label="Precision" value={formatMetric(at.precision, 3)} hint="flagged who churn" />
          <Stat label="Recall" value={formatMetric(at.recall, 3)} hint="churners flagged" />
          <Stat label="F1" value={formatMetric(at.f1, 3)} />
        </div>
      </div>
    </div>
  );
}
