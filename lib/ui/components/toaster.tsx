"use client";

import { Toaster as Sonner } from "sonner";

/** The one toast region of the app (mounted in app/layout.tsx); call `toast(...)` from "sonner" anywhere. */
export function Toaster() {
  return (
    <Sonner
      theme="system"
      position="bottom-right"
      closeButton
      toastOptions={{
        style: { background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)" },
      }}
    />
  );
}
