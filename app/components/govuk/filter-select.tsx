// A select in a list page's GET filter form, with "Any" as its empty choice.
export function FilterSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: { value: string; text: string }[];
  value: string;
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select app-full-width" id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
