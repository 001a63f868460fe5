import { z } from 'zod'

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})
export type LoginBody = z.infer<typeof loginBody>

export const sessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'leader', 'township_head', 'analyst', 'clerk']),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
})
export type SessionUser = z.infer<typeof sessionUser>

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() })
export type SessionResponse = z.infer<typeof sessionResponse>
