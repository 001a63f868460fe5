import type { BreakdownRow } from '@liaison/contracts'
import { useFiltersStore } from '@liaison/filters'
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { inLanguage, say } from '../i18n.ts'

/** Any zod schema (from @liaison/contracts); kept structural so ui does not depend on zod itself. */
export interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { message: string } }
}

/** Fired on window when the API answers 401, so the shell can send the user to the login page. */
export const unauthorizedEvent = 'liaison:unauthorized'

export async function readError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } }
    return body.error?.message ?? `HTTP ${response.status}`
  } catch {
    return `HTTP ${response.status}`
  }
}

/** GET an API path with a query; throws the API's error message, with the HTTP status as `status`. */
export async function fetchJson<T>(
  path: string,
  query: Record<string, string>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(`/api/v1${path}?${new URLSearchParams(query)}`, {
    credentials: 'same-origin',
    signal,
  })
  if (response.status === 401) window.dispatchEvent(new Event(unauthorizedEvent))
  if (!response.ok) throw Object.assign(new Error(await readError(response)), { status: response.status })
  return (await response.json()) as T
}

// A module's request, started by the shell before the module's code has loaded (both take a few round trips):
// the module's first load with the same query takes the answer instead of asking again.
const early = new Map<string, { at: number; body: Promise<unknown> }>()
const earlyForMs = 10_000
const earlyKey = (name: string, query: Record<string, string>) => `${name}?${new URLSearchParams(query)}`

/** Start GET /modules/<name>/data for the given scope now; the module's own first load picks it up. */
export function prefetchModuleData(name: string, query: Record<string, string>) {
  const now = Date.now()
  for (const [key, entry] of early) if (now - entry.at > earlyForMs) early.delete(key)
  const key = earlyKey(name, query)
  if (early.has(key)) return
  const body = fetchJson(`/modules/${name}/data`, query)
  // Not handled here: the module's load reports a failure as its own.
  body.catch(() => {})
  early.set(key, { at: now, body })
}

function takePrefetched(name: string, query: Record<string, string>): Promise<unknown> | null {
  const key = earlyKey(name, query)
  const entry = early.get(key)
  early.delete(key)
  return entry && Date.now() - entry.at <= earlyForMs ? entry.body : null
}

export interface ModuleDataOptions<T> {
  parser?: Parser<T>
}

/**
 * A module's one request: GET /api/v1/modules/<name>/data with the filter scope, refetched when the scope
 * changes or the store asks for a refresh; the previous request is aborted. Keeps the last data while loading.
 */
export function useModuleData<T>(name: string, options: ModuleDataOptions<T> = {}) {
  const filters = useFiltersStore()
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  // The API's messages are bilingual ("中文 / English"): kept whole and shown in the page's language, as is an
  // unreachable server (a flag), so that the message follows a language switch without a reload.
  const failure = ref<string | null>(null)
  const offline = ref(false)
  const error = computed(() =>
    offline.value
      ? say('offline', filters.language)
      : failure.value && inLanguage(failure.value, filters.language),
  )
  let controller: AbortController | null = null

  async function load() {
    if (!filters.ready) return
    controller?.abort()
    const current = new AbortController()
    controller = current
    loading.value = true
    failure.value = null
    offline.value = false
    try {
      const query = { ...filters.scopeQuery }
      const body: unknown = await (takePrefetched(name, query) ??
        fetchJson(`/modules/${name}/data`, query, current.signal))
      if (current.signal.aborted) return
      if (options.parser) {
        const parsed = options.parser.safeParse(body)
        if (!parsed.success) throw new Error(parsed.error.message)
        data.value = parsed.data
      } else data.value = body as T
    } catch (cause) {
      if (current.signal.aborted) return
      // fetch rejects with a TypeError in the browser's own words ("Failed to fetch") when the server cannot be reached.
      if (cause instanceof TypeError) offline.value = true
      else failure.value = cause instanceof Error ? cause.message : String(cause)
    } finally {
      if (controller === current) loading.value = false
    }
  }

  watch([() => JSON.stringify(filters.scopeQuery), () => filters.refreshTick], load, { immediate: true })
  onScopeDispose(() => controller?.abort())
  return { data, loading, error, reload: load }
}

/** A row of figures by one dimension, as the composite endpoints' breakdowns deliver it. */
export type MetricRow = BreakdownRow
