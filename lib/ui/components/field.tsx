import type { ReactElement } from "react";
import { cloneElement } from "react";
import { cn } from "./cn.ts";

interface FieldProps {
  /** The control's id; the label, hint and error are wired to it. */
  id: string;
  label: string;
  /** Plain-words help (units, allowed range); read after the label by screen readers. */
  hint?: string;
  /** This field's error, shown under it; sets aria-invalid on the control. */
  error?: string | null;
  /** One control (Input, Select, textarea); it gets id, aria-describedby and aria-invalid. */
  children: ReactElement<{ id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean }>;
  /** Announce the error when it appears (role="alert"): for a form's single field or a submit-time error. */
  announce?: boolean;
  className?: string;
}

/** Ids of a field's hint and error, in reading order (exported for the form code that focuses the first error). */
export function fieldDescriptionIds(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** Label + control + hint + per-field error, connected with aria-describedby/aria-invalid. */
export function Field({ id, label, hint, error, children, announce, className }: FieldProps) {
  const control = cloneElement(children, {
    id,
    "aria-describedby": fieldDescriptionIds(id, Boolean(hint), Boolean(error)),
    "aria-invalid": error ? true : undefined,
  });
  return (
    <div data-slot="field" className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {control}
      {hint && (
        <p id={`${id}-hint`} className="m-0 text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role={announce ? "alert" : undefined} className="m-0 text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
