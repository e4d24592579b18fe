import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

const alertVariants = cva("flex gap-2 rounded-md border px-3 py-2 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0", {
  variants: {
    variant: {
      info: "border-border bg-info-soft text-info-soft-foreground",
      success: "border-success/40 bg-success-soft text-success-soft-foreground",
      warning: "border-warning/40 bg-warning-soft text-warning-soft-foreground",
      destructive: "border-destructive/40 bg-destructive-soft text-destructive-soft-foreground",
    },
  },
  defaultVariants: { variant: "info" },
});

/** A message box inside the page (not a toast: it stays until the state changes). Set role="alert" for errors. */
export function Alert({ className, variant, ...props }: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return <div data-slot="alert" className={cn(alertVariants({ variant }), className)} {...props} />;
}
