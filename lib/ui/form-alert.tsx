import { CircleAlertIcon } from "lucide-react";
import { Alert } from "./components/alert.tsx";

/** A form's error, announced to screen readers (role="alert"); nothing when there is none. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert role="alert" variant="destructive" className="mt-3">
      <CircleAlertIcon aria-hidden />
      <p className="m-0">{message}</p>
    </Alert>
  );
}
