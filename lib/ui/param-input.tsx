import { Field } from "./components/field.tsx";
import { Input } from "./components/input.tsx";
import { Select } from "./components/select.tsx";
import type { ParamChoice, ParamField } from "./param-fields.ts";

/** The hint under a field: its description, plus its range when the schema has one. */
function hintOf(f: ParamField): string | undefined {
  const range = f.minimum !== undefined && f.maximum !== undefined ? `From ${f.minimum.toLocaleString("en")} to ${f.maximum.toLocaleString("en")}.` : "";
  const text = [f.description, range && !f.description?.includes("–") ? range : ""].filter(Boolean).join(" ");
  return text || undefined;
}

/**
 * One parameter: a picker of stored objects when the field names one (with none stored, a text box and a note), a
 * select for allowed values, else an input with min/max/step from the schema. The error sits at the field.
 */
export function ParamInput({ id, field: f, choices, error }: { id: string; field: ParamField; choices?: ParamChoice[]; error: string | null }) {
  const label = `${f.label}${f.required ? " (required)" : ""}`;
  const def = f.default === undefined ? "" : String(f.default);
  if (f.picker && choices && choices.length > 0) {
    return (
      <Field id={id} label={label} hint={f.picker === "artifact" ? "Stored files, newest first." : "Versions whose column types are confirmed, newest first."} error={error}>
        <Select name={f.name} defaultValue="">
          <option value="">{f.required ? "Choose…" : "None"}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (f.options) {
    return (
      <Field id={id} label={label} hint={f.description} error={error}>
        <Select name={f.name} defaultValue={def}>
          {!f.required && def === "" && <option value="">Default</option>}
          {f.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  const nothingStored = f.picker ? (f.picker === "artifact" ? " Nothing is stored yet: store files with the command-line tool first." : " No confirmed dataset version yet: upload one under Data first.") : "";
  return (
    <Field id={id} label={label} hint={`${hintOf(f) ?? ""}${nothingStored}`.trim() || undefined} error={error}>
      <Input
        name={f.name}
        type={f.type === "number" ? "number" : "text"}
        inputMode={f.type === "number" ? (f.integer ? "numeric" : "decimal") : undefined}
        min={f.minimum}
        max={f.maximum}
        step={f.type === "number" ? (f.integer ? 1 : "any") : undefined}
        defaultValue={def}
        required={f.required}
      />
    </Field>
  );
}
