import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { badRequest } from './errors.ts'

/** zod validation with the API's one error shape: 400 and the offending fields. */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const fields = result.error.issues.map((i) => ({
        field: i.path.join('.') || target,
        message: i.message,
      }))
      throw badRequest(
        `参数错误 / Invalid parameters: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
        fields,
      )
    }
  })
