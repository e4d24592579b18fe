import { Select } from "./components/select.tsx";

interface SelectFilterProps {
  label: string;
  name: string;
  /** Text of the empty option that means "no filter". */
  allLabel: string;
  options: readonly string[];
  value?: string;
}

/** One labelled select of a GET filter form; the empty value means "all". */
export function SelectFilter({ label, name, allLabel, options, value }: SelectFilterProps) {
  return (
    <label className="flex min-w-0 flex-col gap-1.5 text-sm font-medium">
      {label}
      <Select name={name} defaultValue={value ?? ""} className="w-auto min-w-40 font-normal">
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </label>
  );
}
