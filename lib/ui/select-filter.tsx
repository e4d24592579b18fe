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
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
