// Figures answer from memory until the data changes. A figure route's answer depends only on the data, the user's
// role and scope, and the URL; its key is all of these with the data version of the counties it reads (statement
// triggers bump data_versions on every write). A repeated request answers 304 without running a query; a request
// from another user of the same role and scope (the wall screen, the meeting's twenty laptops) answers from the
// cache; any write to a county changes every key that reads it.
import { createHash, randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { regionCode } from '@liaison/contracts'
import { beijingDay } from '@liaison/contracts/days'
import type { Db } from '@liaison/db'
import { type DataState, dataState, type RollupChoice } from '@liaison/metrics'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from './auth/session.ts'
import type { Gate } from './gate.ts'
import type { AppEnv } from './types.ts'

/** Responses that depend only on the data, the user's role and scope, and the URL. Not the module list
 * (`/modules`): it reads no data, and the shell's first view waits for it, so it never queues behind computed
 * figures for a compute slot. */
const dataPaths = /^\/api\/v1\/((metrics|narrative|ranking|regions|stations)(\/|$)|modules\/)/
/** Requests that only read figures (exports too: they are written to the audit log, on the primary). */
const readPaths = /^\/api\/v1\/((metrics|narrative|ranking|regions|stations|exports)(\/|$)|modules\/)/

const replicaDownUntil = new WeakMap<object, number>()

/** Differs per process: a restart (new code, new module URLs) never answers 304 to an older body. */
const boot = randomUUID()

/**
 * A figure route's answer, encoded once, and its gzip copy once a client that accepts gzip has asked (or the cache
 * keeps it). A county's stations module is 68 KB of JSON and 7 KB gzipped: a township's slow line feels the
 * difference; gzip takes ≈ 1 ms for it, once per answer.
 */
export interface Answer {
  body: Uint8Array<ArrayBuffer>
  gzip: Uint8Array<ArrayBuffer> | null
}

/** Smaller answers go as they are: gzip's framing and the work would outweigh the bytes saved. */
const gzipFrom = 1024

const worthGzip = (answer: Answer) => answer.body.byteLength >= gzipFrom
const gzipOf = (answer: Answer) => (answer.gzip ??= gzipSync(answer.body) as Uint8Array<ArrayBuffer>)

/** Whether an Accept-Encoding header takes gzip (`gzip` or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/** Least recently used JSON answers, up to a number of bytes. */
export class ResponseCache {
  // Bodies kept encoded, and gzipped where worth it: a hit is written to the socket as it is, with no encoding or
  // compression per request.
  private readonly entries = new Map<string, Answer & { bytes: number }>()
  private bytes = 0
  constructor(private readonly maxBytes: number) {}

  get(key: string) {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  set(key: string, answer: Answer) {
    if (answer.body.byteLength + key.length > this.maxBytes / 4) return
    const gzip = worthGzip(answer) ? gzipOf(answer) : null
    const bytes = answer.body.byteLength + (gzip?.byteLength ?? 0) + key.length
    this.delete(key)
    this.entries.set(key, { body: answer.body, gzip, bytes })
    this.bytes += bytes
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  private delete(key: string) {
    const old = this.entries.get(key)
    if (!old) return
    this.bytes -= old.bytes
    this.entries.delete(key)
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes }
  }
}

/** Where a read request's figures come from, and what chooseReader learnt on the way. */
export interface Reader {
  figures: Db
  state: ReadState
}

/**
 * Choose where a read request's figures come from. With a read replica (DATABASE_READ_URL) the data version of
 * the counties the request reads is asked of both: equal, the replica answers; behind (a write not yet
 * replayed), the primary does, so nobody reads figures older than the data they just imported. The same
 * answer tells whether their rollups are current, which the figure routes would otherwise ask again. The
 * primary's answer usually comes from memory (DataVersions); the replica is always asked.
 */
async function readerFor(c: Context<AppEnv>): Promise<Reader> {
  const { handle, replica } = c.get('deps')
  const region = c.req.query('region')
  const scope = region && regionCode.safeParse(region).success ? region : null
  const ask = replica && (replicaDownUntil.get(replica) ?? 0) < Date.now()
  const [primary, copy] = await Promise.all([
    c.get('copies').versions.state(scope),
    ask
      ? dataState(replica.db, scope).catch(() => {
          // Down or unreachable: the primary answers; ask the replica again in a while.
          replicaDownUntil.set(replica, Date.now() + 10_000)
          return null
        })
      : null,
  ])
  const onReplica = replica && copy?.version === primary.version
  return {
    figures: onReplica ? replica.db : handle.db,
    state: { region: scope, ...(onReplica ? copy : primary) },
  }
}

/** Asks readerFor before the session is checked, so that the two questions cost one round trip, not two; the
 * answer waits for chooseReader, after the check. Only with a session cookie: an anonymous request asks nothing. */
export const askReader: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' && readPaths.test(c.req.path) && getCookie(c, SESSION_COOKIE)) {
    const answer = readerFor(c)
    // Refused (no session), the request never reads the answer: its failure is nobody's to report.
    answer.catch(() => {})
    c.set('reader', answer)
  }
  return next()
}

/** The figures' database and the read state, once the session is known (askReader asked). */
export const chooseReader: MiddlewareHandler<AppEnv> = async (c, next) => {
  const reader = c.get('reader') ? await c.get('reader') : null
  c.set('figures', reader?.figures ?? c.get('deps').handle.db)
  if (reader) c.set('readState', reader.state)
  return next()
}

/** The rollups' currency for a figure route reading `region`, as chooseReader found it on the database that
 * answers; nothing (the route asks itself) when the route reads another region than the query named. */
export function rollupChoice(c: Context<AppEnv>, region: string): RollupChoice {
  const state = c.get('readState')
  return state?.region === region ? { rollupsReady: state.rollupsCurrent } : {}
}

/** What chooseReader learnt of the request's region (null: none named, the whole country). */
export interface ReadState extends DataState {
  region: string | null
}

/**
 * ETag and cache for the figure routes. `Cache-Control: no-cache` on the request (a hard reload; the benchmark's
 * uncached timings) skips the cached answer and computes afresh.
 */
export function dataCache(cache: ResponseCache | null, gate: Gate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' || !dataPaths.test(c.req.path)) return next()
    const { role, regionCode } = c.get('user')
    // The day (Beijing's) is part of it: a running period's figures, summary and completeness are as of today.
    const key = createHash('sha1')
      .update(
        `${boot}|${c.get('readState').version}|${beijingDay(new Date())}|${role}|${regionCode}|${c.req.url}`,
      )
      .digest('hex')
    const tag = `W/"d${key.slice(0, 27)}"`
    // Cache-Control is already set for every secured response (app.ts).
    const headers = { ETag: tag }
    if (
      c.req
        .header('if-none-match')
        ?.split(',')
        .some((t) => t.trim() === tag)
    )
      return c.body(null, 304, headers)
    const fresh = c.req.header('cache-control')?.includes('no-cache')
    const hit = fresh ? undefined : cache?.get(key)
    if (hit) return send(c, hit, headers)
    await gate.run(next)
    if (!c.res.ok) return
    c.res.headers.set('ETag', tag)
    const computed = c.get('answer')
    if (cache && computed) cache.set(key, computed)
  }
}

const jsonType = 'application/json'
const encoder = new TextEncoder()

/** An answer as the client takes it: gzip to one that accepts it, where worth it. Either way the answer says it
 * varies by Accept-Encoding, so that a shared cache keeps the two apart. */
function send(c: Context<AppEnv>, answer: Answer, headers: Record<string, string> = {}): Response {
  if (!worthGzip(answer)) return c.body(answer.body, 200, { ...headers, 'Content-Type': jsonType })
  const vary = { ...headers, 'Content-Type': jsonType, Vary: 'Accept-Encoding' }
  return acceptsGzip(c.req.header('accept-encoding'))
    ? c.body(gzipOf(answer), 200, { ...vary, 'Content-Encoding': 'gzip' })
    : c.body(answer.body, 200, vary)
}

/** A figure route's answer, encoded once: sent as it is, and kept by dataCache without reading the response back.
 * Reading or cloning a response's body turns it into a web stream, and the server then writes it through one. */
export function answer(c: Context<AppEnv>, data: unknown): Response {
  const encoded: Answer = {
    body: encoder.encode(JSON.stringify(data)) as Uint8Array<ArrayBuffer>,
    gzip: null,
  }
  c.set('answer', encoded)
  return send(c, encoded)
}
