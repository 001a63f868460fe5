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
  /** Channels listened to on the current connection. */
  const ready = new Set<string>()
  /** Channels told 'listening' since they were last told 'lost'. */
  const told = new Set<string>()
  /** The probe on its way, and the channels that were ready when it left: its return vouches for them. */
  let probe: { sent: number; channels: string[] } | null = null
  let retry: NodeJS.Timeout | undefined
  let probes: NodeJS.Timeout | undefined
  let closed = false
  const emit = (event: ListenEvent, channel?: string) => {
    for (const [name, list] of listeners) if (!channel || name === channel) for (const fn of list) fn(event)
  }
  const lost = () => {
    for (const channel of told) emit('lost', channel)
    told.clear()
  }
  // postgres.js calls onnotify (its own listen() is built on it) but does not declare it in its types.
  const options = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: 5,
    // It sends no arrays, so it need not ask for their types on each reconnect (it reconnects every second while the
    // database is away): postgres.js drops that query's promise, and a connection lost during it ends the process
    // with an unhandled rejection (porsager/postgres#1192).
    fetch_types: false,
    // So an operator (and the tests) can tell it in pg_stat_activity.
    connection: { application_name: 'liaison listen' },
    onnotice: () => {},
    onnotify: (channel: string) => {
      if (channel !== probeChannel) return emit('changed', channel)
      // Back: every notification sent before it has come first.
      const back = probe
      probe = null
      for (const name of back?.channels ?? []) {
        if (told.has(name)) continue
        told.add(name)
        emit('listening', name)
      }
    },
    onclose: () => {
      if (closed) return
      ready.clear()
      probe = null
      lost()
      tryAgain()
    },
  }
  const client = postgres(url, options)

  async function subscribe() {
    for (const channel of [probeChannel, ...listeners.keys()]) {
      if (ready.has(channel)) continue
      await client.unsafe(`listen ${quote(channel)}`)
      ready.add(channel)
    }
    sendProbe()
  }
  function tryAgain() {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      subscribe().catch(tryAgain)
    }, 1000)
    retry.unref()
  }
  function sendProbe() {
    if (probe) {
      if (Date.now() - probe.sent > probeWithin) lost()
      return
    }
    const channels = [...ready].filter((c) => c !== probeChannel)
    if (!ready.has(probeChannel) || channels.length === 0) return
    probe = { sent: Date.now(), channels }
    client.unsafe(`notify ${quote(probeChannel)}`).catch(() => {}) // a failure closes the connection: onclose
  }

  return {
    listen(channel: string, fn: Listener) {
      const list = listeners.get(channel)
      if (list) list.push(fn)
      else listeners.set(channel, [fn])
      // Another listener of a channel already vouched for: notifications on it are known to arrive.
      if (told.has(channel)) fn('listening')
      subscribe().catch(tryAgain)
      if (!probes) {
        probes = setInterval(sendProbe, probeEvery)
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
