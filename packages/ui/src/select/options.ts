/** One choice of a SelectField. */
export interface SelectOption {
  value: string | number
  label: string
}

/** The label a closed select shows: the chosen options' labels (a multiple select's joined), or ''. */
export function chosenLabel(options: SelectOption[], value: unknown): string {
  const chosen = Array.isArray(value) ? value : [value]
  return options
    .filter((o) => chosen.includes(o.value))
    .map((o) => o.label)
    .join('、')
}
