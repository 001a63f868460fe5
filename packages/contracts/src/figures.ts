// Figure ids built from an enumeration, named once for the API and the views (no zod here: views import it).
import type { SevenItem } from '@liaison/db/enums'

/** The figure of compliance with one item of 七有 (the items' values are the database's `sevenItems`). */
export const sevenItemRate = (item: SevenItem) => `seven_${item}_rate`
