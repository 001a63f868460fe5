// Notifications of changes: a write through the handle is heard before it returns; a write by another process is
// heard when its notification arrives; a broken listening connection says so, and listens again by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle, ListenEvent } from './index.ts'
import { createDb } from './index.ts'
import { anotherClient, tcpProxy, testEngines, until } from './testing.ts'

for (const engine of testEngines()) {
  describe(`listen on ${engine.name}`, () => {
    let handle: DbHandle
    const events: ListenEvent[] = []
    beforeAll(async () => {
      handle = await engine.create()
      handle.listen('data_versions', (event) => events.push(event))
      await until(() => events.includes('listening'), 'listening')
    })
    afterAll(() => handle.close())

    it('hears a write through the handle by the time it returns, and no read', async () => {
      events.length = 0
      await handle.rows('select county_code from data_versions where county_code = $1', ['520523'])
      await handle.db.query.users.findMany()
      expect(events).toEqual([])
      await handle.exec(`insert into data_versions (county_code) values ('520523')`)
      expect(events).toContain('changed')
      events.length = 0
      await handle.db.transaction(async (tx) => {
        await tx.execute(`update data_versions set version = version + 1`)
      })
      expect(events).toContain('changed')
    })

    it.runIf(engine.name === 'postgres')(
      'hears another process’s write, and listens again after a break',
      async () => {
        const other = anotherClient(handle)!
        // Earlier writes' notifications are on their way: let them arrive first.
        const settle = async () => {
          await new Promise((r) => setTimeout(r, 300))
          events.length = 0
        }
        try {
          await settle()
          await other.unsafe(`update data_versions set version = version + 1`)
          await until(() => events.includes('changed'), 'the notification')
          // Another channel (sessions): nothing on this one.
          await settle()
          await other.unsafe(`update users set display_name = display_name`)
          await new Promise((r) => setTimeout(r, 300))
          expect(events).toEqual([])
          await other.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and application_name = 'liaison listen'`)
          await until(() => events.includes('lost'), 'the loss')
          await until(() => events.indexOf('listening') > events.indexOf('lost'), 'listening again')
          events.length = 0
          await other.unsafe(`update data_versions set version = version + 1`)
          await until(() => events.includes('changed'), 'the notification')
        } finally {
          await other.end()
        }
      },
    )

    it.runIf(engine.name === 'postgres')(
      'says when the connection stops answering without closing',
      async () => {
        const other = anotherClient(handle)!
        const [row] = await other<{ db: string }[]>`select current_database() as db`
        await other.end()
        const link = tcpProxy(new URL(process.env.TEST_DATABASE_URL!))
        await link.open()
        const behind = await createDb({ url: link.url(row!.db), max: 1 })
        const heard: ListenEvent[] = []
        try {
          behind.listen('data_versions', (event) => heard.push(event))
          await until(() => heard.includes('listening'), 'listening')
          link.freeze()
          const frozen = Date.now()
          await until(() => heard.includes('lost'), 'the loss', 8000)
          expect(Date.now() - frozen).toBeLessThan(6000)
          // A write while nothing gets through: its notification waits in the connection, and comes when it thaws.
          await handle.exec(`update data_versions set version = version + 1`)
          heard.length = 0
          link.thaw()
          await until(() => heard.includes('listening') && heard.includes('changed'), 'the thaw')
          expect(heard.indexOf('changed')).toBeLessThan(heard.indexOf('listening'))
        } finally {
          await behind.close()
          await link.cut()
        }
      },
    )
  })
}
