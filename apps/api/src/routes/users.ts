// User management (admins) and changing one's own password. Every change is written to the audit log.
import { schema } from '@liaison/db'
import { userRoles, valuesOf } from '@liaison/db/enums'
import { and, desc, eq, ne } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/middleware.ts'
import { hashPassword, verifyPassword } from '../auth/password.ts'
import { ApiError, badRequest, notFound } from '../errors.ts'
import type { AppEnv } from '../types.ts'
import { validate } from '../validate.ts'

/** Outside demo mode a password needs 10+ characters mixing letters and digits. */
const strongPassword = z
  .string()
  .min(10, '密码至少10位 / At least 10 characters')
  .max(256)
  .regex(/[A-Za-z]/, '需包含字母 / Needs a letter')
  .regex(/\d/, '需包含数字 / Needs a digit')

const userBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[\w.-]{3,64}$/, '3–64 letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(64),
  role: z.enum(valuesOf(userRoles)),
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .nullable(),
  password: strongPassword,
})
const userPatch = userBody.omit({ username: true }).partial().extend({ disabled: z.boolean().optional() })

const publicUser = {
  id: schema.users.id,
  username: schema.users.username,
  displayName: schema.users.displayName,
  role: schema.users.role,
  regionCode: schema.users.regionCode,
  disabledAt: schema.users.disabledAt,
  lockedUntil: schema.users.lockedUntil,
  createdAt: schema.users.createdAt,
}

export const userRoutes = new Hono<AppEnv>()
  .post(
    '/auth/password',
    validate('json', z.object({ current: z.string().min(1), next: strongPassword })),
    async (c) => {
      const { current, next } = c.req.valid('json')
      const db = c.get('deps').handle.db
      const [user] = await db
        .select()
        .from(schema.users)
        .where(eq(schema.users.id, c.get('user').id))
      if (!user || !(await verifyPassword(current, user.passwordHash)))
        throw new ApiError(400, 'wrong_password', '当前密码不正确 / Current password is wrong')
      await db.transaction(async (tx) => {
        await tx
          .update(schema.users)
          .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date() })
          .where(eq(schema.users.id, user.id))
        // Every other session of this user ends with the old password.
        await tx
          .update(schema.sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(schema.sessions.userId, user.id), ne(schema.sessions.id, c.get('session').id)))
        await tx
          .insert(schema.auditLog)
          .values({ userId: user.id, username: user.username, action: 'password_change' })
      })
      return c.json({ ok: true })
    },
  )
  .use('/users/*', requireRole('admin'))
  .use('/users', requireRole('admin'))
  .use('/audit', requireRole('admin'))
  .get('/users', async (c) =>
    c.json({
      users: await c.get('deps').handle.db.select(publicUser).from(schema.users).orderBy(schema.users.id),
    }),
  )
  .post('/users', validate('json', userBody), async (c) => {
    const body = c.req.valid('json')
    if (body.role !== 'admin' && !body.regionCode)
      throw badRequest('非管理员必须指定地区 / A region is required', [
        { field: 'regionCode', message: 'required' },
      ])
    const db = c.get('deps').handle.db
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schema.users)
        .values({ ...body, passwordHash: await hashPassword(body.password) })
        .onConflictDoNothing({ target: schema.users.username })
        .returning(publicUser)
      if (!row) throw new ApiError(409, 'conflict', '用户名已存在 / Username taken')
      await tx.insert(schema.auditLog).values({
        userId: c.get('user').id,
        username: c.get('user').username,
        action: 'user_create',
        target: body.username,
        details: { role: body.role, regionCode: body.regionCode },
      })
      return row
    })
    return c.json({ user: created }, 201)
  })
  .patch(
    '/users/:id',
    validate('param', z.object({ id: z.coerce.number().int().positive() })),
    validate('json', userPatch),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const { password, disabled, ...rest } = body
      // An empty patch reached the database as an UPDATE with nothing to set (a 500, found by fuzzing).
      if (!Object.values(body).some((v) => v !== undefined))
        throw badRequest('没有要修改的内容 / Nothing to change', [{ field: 'body', message: 'empty' }])
      const db = c.get('deps').handle.db
      const updated = await db.transaction(async (tx) => {
        // As on creation: only an administrator may have no region (every scope check reads it).
        const [current] = await tx
          .select({ role: schema.users.role, regionCode: schema.users.regionCode })
          .from(schema.users)
          .where(eq(schema.users.id, id))
        if (!current) throw notFound()
        const role = rest.role ?? current.role
        const regionCode = rest.regionCode === undefined ? current.regionCode : rest.regionCode
        if (role !== 'admin' && !regionCode)
          throw badRequest('非管理员必须指定地区 / A region is required', [
            { field: 'regionCode', message: 'required' },
          ])
        const changes = {
          ...rest,
          ...(password ? { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } : {}),
          ...(disabled === undefined ? {} : { disabledAt: disabled ? new Date() : null }),
        }
        const [row] = await tx
          .update(schema.users)
          .set(changes)
          .where(eq(schema.users.id, id))
          .returning(publicUser)
        if (!row) throw notFound()
        if (password || disabled)
          await tx
            .update(schema.sessions)
            .set({ revokedAt: new Date() })
            .where(eq(schema.sessions.userId, id))
        await tx.insert(schema.auditLog).values({
          userId: c.get('user').id,
          username: c.get('user').username,
          action: 'user_update',
          target: row.username,
          details: { ...rest, password: password ? 'changed' : undefined, disabled },
        })
        return row
      })
      return c.json({ user: updated })
    },
  )
  .get('/audit', async (c) =>
    c.json({
      entries: await c
        .get('deps')
        .handle.db.select()
        .from(schema.auditLog)
        .orderBy(desc(schema.auditLog.id))
        .limit(500),
    }),
  )
