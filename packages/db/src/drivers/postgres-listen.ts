import postgres from 'postgres'
import type { ListenEvent } from '../index.ts'

type Listener = (event: ListenEvent) => void

/** How often the listening connection is asked whether it still answers, and how long it may take. */
const probeEvery = 1000
const probeWithin = 3000

/**
 * LISTEN on one connection of its own, kept open. 'listening' once a channel is listened to (again); 'changed' on
 * each notification, and after every write through this handle (whose own notification arrives a moment after
 * the write returns); 'lost' when notifications may be missed. That is when the connection closes (then a new try
 * every second), and when it stops answering: a network that drops packets closes nothing for minutes, so a probe
 * runs every second and one unanswered for three says 'lost' until it is answered.
 */
export function createListener(url: string) {
  const listeners = new Map<string, Listener[]>()
  let retry: NodeJS.Timeout | undefined
  let probes: NodeJS.Timeout | undefined
  let probeSent: number | null = null
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
    onnotice: () => {},
    onnotify: (channel: string) => emit('changed', channel),
    onclose: () => {
      if (closed) return
      probeSent = null
      lost()
      tryAgain()
    },
  }
  const client = postgres(url, options)

  const subscribe = async (channel: string) => {
    await client.unsafe(`listen ${quote(channel)}`)
    alive = true
    emit('listening', channel)
  }
  function tryAgain() {
    if (closed || retry) return
    retry = setTimeout(async () => {
      retry = undefined
      try {
        for (const channel of listeners.keys()) await subscribe(channel)
      } catch {
        tryAgain()
      }
    }, 1000)
    retry.unref()
  }
  function probe() {
    if (probeSent !== null) {
      if (Date.now() - probeSent > probeWithin) lost()
      return
    }
    if (!alive) return
    const sent = Date.now()
    probeSent = sent
    client.unsafe('select 1').then(
      () => {
        if (probeSent !== sent) return
        probeSent = null
        // Answered after all: the connection held, and the notifications sent meanwhile came before the answer.
        if (!alive) {
          alive = true
          emit('listening')
        }
      },
      () => {}, // onclose says so
    )
  }

  return {
    listen(channel: string, fn: Listener) {
      const list = listeners.get(channel)
      if (list) list.push(fn)
      else listeners.set(channel, [fn])
      subscribe(channel).catch(tryAgain)
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
