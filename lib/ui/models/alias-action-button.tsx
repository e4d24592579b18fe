"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { readApiError, unreachableMessage } from "../api-error.ts";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "../components/dialog.tsx";
import { Field } from "../components/field.tsx";
import { inputClass } from "../components/input.tsx";
import { cn } from "../components/cn.ts";

interface AliasActionButtonProps {
  model: string;
  /** promote: make `version` the champion; rollback: put the previous champion back */
  action: "promote" | "rollback";
  version?: number;
  /** what the change does, in words ("v3 replaces v2 as champion") */
  description: string;
  /** the button's accessible name when the visible text is short ("Promote v3") */
  label: string;
  size?: "sm" | "default";
  variant?: "default" | "outline";
}

/**
 * Promote or Rollback, for admins: a dialog that asks for the reason (it goes into the audit log) and confirms,
 * then calls the registry's POST route, toasts the new champion and refreshes the server components.
 */
export function AliasActionButton({ model, action, version, description, label, size = "sm", variant = "outline" }: AliasActionButtonProps) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verb = action === "promote" ? "Promote" : "Roll back";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const body = action === "promote" ? { version, reason: reason.trim() || undefined } : { reason: reason.trim() || undefined };
      const res = await fetch(`/api/models/${encodeURIComponent(model)}/${action}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        setError(await readApiError(res));
      } else {
        const change = (await res.json()) as { champion: number; previousChampion: number | null };
        toast.success(`${model}: v${change.champion} is now the champion`, { description: change.previousChampion ? `It replaced v${change.previousChampion}.` : undefined });
        setOpen(false);
        setReason("");
        router.refresh();
      }
    } catch (err) {
      setError(unreachableMessage(err));
    }
    setPending(false);
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) setError(null); }}>
      <DialogTrigger asChild>
        <Button size={size} variant={variant} aria-label={label}>
          {action === "promote" ? "Promote" : "Roll back"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{label}?</DialogTitle>
            <DialogDescription>{description} Scoring uses the champion from now on; the change is written to the audit log.</DialogDescription>
          </DialogHeader>
          <Field id={`${id}-reason`} label="Reason" hint="Why you are making this change (kept in the audit log).">
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={2000}
              rows={3}
              className={cn(inputClass, "h-auto py-2")}
            />
          </Field>
          {error && (
            <Alert variant="destructive" role="alert">
              {error}
            </Alert>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {verb}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
