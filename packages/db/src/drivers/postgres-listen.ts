import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import type { ListenEvent } from '../index.ts'

type Listener = (event: ListenEvent) => void

/** How often the listening connection is asked whether it still answers, and how long it may take. */
const probeEvery = 1000
const probeWithin = 3000

/**
 * LISTEN on one connection of its own, kept open. 'changed' on each notification, and after every write through
 * this handle (whose own notification arrives a moment after the write returns). 'listening' and 'lost' say
 * whether notifications are known to arrive: every second the connection notifies itself on a channel of its
 * own, and 'listening' holds while that comes back within three seconds. So a closed connection (then a new try
 * every second), a network that drops packets (it closes nothing for minutes) and a pooler that does not keep
 * the session (PgBouncer in transaction mode) all read as 'lost', and nobody trusts a copy they would leave stale.
 */
export function createListener(url: string) {
  const listeners = new Map<string, Listener[]>()
  const probeChannel = `liaison_probe_${randomBytes(6).toString('hex')}`
  let retry: NodeJS.Timeout | undefined
  let probes: NodeJS.Timeout | undefined
  let probeSent: number | null = null
  let subscribed = false
  let alive = false
  let closed = false
  const emit = (event: ListenEvent, channel?: string) => {
    for (const [name, list] of listeners) if (!channel || name === channel) for (const fn of list) fn(event)
  }
  const lost = () => {
    if (!alive) return
    alive = false
    emit('lost')
  }
  // postgres.js calls onnotify (its own listen() is built on it) but does not declare it in its types.
  const options = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: 5,
    // So an operator (and the tests) can tell it in pg_stat_activity.
    connection: { application_name: 'liaison listen' },
    onnotice: () => {},
    onnotify: (channel: string) => {
      if (channel !== probeChannel) return emit('changed', channel)
      probeSent = null
      if (alive) return
      // Everything sent before the probe came first.
      alive = true
      emit('listening')
    },
    onclose: () => {
      if (closed) return
      subscribed = false
      probeSent = null
      lost()
      tryAgain()
    },
  }
  const client = postgres(url, options)

  async function subscribe() {
    for (const channel of [probeChannel, ...listeners.keys()]) await client.unsafe(`listen ${quote(channel)}`)
    subscribed = true
    probe()
  }
  function tryAgain() {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      subscribe().catch(tryAgain)
    }, 1000)
    retry.unref()
  }
  function probe() {
    if (probeSent !== null) {
      if (Date.now() - probeSent > probeWithin) lost()
      return
    }
    if (!subscribed) return
    probeSent = Date.now()
    client.unsafe(`notify ${quote(probeChannel)}`).catch(() => {}) // a failure closes the connection: onclose
  }

  return {
    listen(channel: string, fn: Listener) {
      const list = listeners.get(channel)
      if (list) list.push(fn)
      else listeners.set(channel, [fn])
      // A new channel on a live connection: 'listening' to it once the probe after its LISTEN comes back.
      alive = false
      subscribed = false
      subscribe().catch(tryAgain)
      if (!probes) {
        probes = setInterval(probe, probeEvery)
        probes.unref()
      }
    },
    written: () => emit('changed'),
    close: async () => {
      closed = true
      clearTimeout(retry)
      clearInterval(probes)
      await client.end({ timeout: 5 })
    },
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
