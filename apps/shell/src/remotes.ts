// Modules load at run time from the API's manifest: register them with the federation runtime, then load
// `<name>/Module`. The runtime has no timeout of its own, hence the fetch plugin and the race.
import { loadRemote, registerPlugins, registerRemotes } from '@module-federation/runtime'
import type { Component } from 'vue'

const fetchTimeoutMs = 5_000
const loadTimeoutMs = 10_000

const registered = new Set<string>()
let pluginsRegistered = false

/** The runtime instance exists only once the federation host has started: register plugins on first use. */
function ensurePlugins() {
  if (pluginsRegistered) return
  registerPlugins([
    {
      name: 'fetch-timeout',
      fetch: (url: string, init?: RequestInit) =>
        fetch(url, { ...init, signal: AbortSignal.timeout(fetchTimeoutMs) }),
    },
  ])
  pluginsRegistered = true
}

/** Register each manifest entry once (entries may be relative to the page: /modules/<name>/mf-manifest.json). */
export function registerModules(modules: { name: string; entry: string }[]) {
  const fresh = modules.filter((m) => !registered.has(m.name))
  if (fresh.length === 0) return
  ensurePlugins()
  registerRemotes(fresh.map((m) => ({ name: m.name, entry: new URL(m.entry, location.href).href })))
  for (const m of fresh) registered.add(m.name)
}

function timeout(ms: number, name: string) {
  return new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${name}: no answer within ${ms / 1000} s`)), ms),
  )
}

// One load per module: the shell starts the current module's as soon as the manifest is known, and the slot
// that renders it takes the same promise.
const loading = new Map<string, Promise<Component>>()

/** Load a module's component; on retry, re-register it so a failed manifest is fetched again. */
export function loadModule(module: { name: string; entry: string }, retry = false): Promise<Component> {
  const started = retry ? undefined : loading.get(module.name)
  if (started) return started
  const load = fetchModule(module, retry)
  loading.set(module.name, load)
  load.catch(() => loading.delete(module.name))
  return load
}

async function fetchModule(module: { name: string; entry: string }, retry: boolean): Promise<Component> {
  ensurePlugins()
  if (retry) {
    registerRemotes([{ name: module.name, entry: new URL(module.entry, location.href).href }], {
      force: true,
    })
  }
  const loaded = await Promise.race([
    loadRemote<{ default: Component }>(`${module.name}/Module`),
    timeout(loadTimeoutMs, module.name),
  ])
  if (!loaded?.default) throw new Error(`${module.name}/Module has no default export`)
  return loaded.default
}
