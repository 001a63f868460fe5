import { z } from 'zod'

export interface RegionNode {
  code: string
  name: string
  level: string
  children: RegionNode[]
}

export const regionNode: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), level: z.string(), children: z.array(regionNode) }),
)
export const regionsResponse = z.object({
  tree: z.array(regionNode),
  /** A township search only: more counties matched than the answer lists. */
  more: z.boolean().optional(),
})
export type RegionsResponse = z.infer<typeof regionsResponse>
