import type { ModulesResponse, RegionNode, SessionUser } from '@liaison/contracts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from './api.ts'
import { pathTo, withTownships } from './regions.ts'

/** Who is signed in, which regions they may see and which modules they may open. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null)
  const csrfToken = ref('')
  const regions = shallowRef<RegionNode[]>([])
  const modules = shallowRef<ModulesResponse['modules']>([])
  const signedIn = computed(() => user.value !== null)

  /**
   * The townships of the county a region lies in, when the tree does not hold them yet (above a county the API
   * sends the tree down to the counties): for a link to a township, and for the picker and breadcrumb once a
   * county is in view.
   */
  const loading = new Map<string, Promise<void>>()
  const loaded = new Set<string>()
  function loadTownships(region: string): Promise<void> {
    const county = region.slice(0, 6)
    const node = region.length >= 6 ? pathTo(regions.value, county).at(-1) : undefined
    // Once per county, also when it has no townships to show.
    if (node?.level !== 'county' || node.children.length > 0 || loaded.has(county)) return Promise.resolve()
    let pending = loading.get(county)
    if (!pending) {
      pending = api
        .countyTownships(county)
        .then(({ tree }) => {
          loaded.add(county)
          if (tree[0]) regions.value = withTownships(regions.value, tree[0])
        })
        .finally(() => loading.delete(county))
      loading.set(county, pending)
    }
    return pending
  }

  /**
   * Above a county, the counties whose townships match a search, with their townships (the picker searches only
   * what the tree holds), those inside `near` (the region in view) first. Within a county the tree has its
   * townships already. When more counties matched than the API lists: how many it listed (else 0).
   */
  async function searchTownships(text: string, near: string): Promise<number> {
    const scope = user.value?.regionCode ?? null
    if (scope !== null && scope.length >= 6) return 0
    const { tree, more } = await api.searchTownships(text, near)
    for (const county of tree) {
      if (loaded.has(county.code)) continue
      loaded.add(county.code)
      regions.value = withTownships(regions.value, county)
    }
    return more ? tree.length : 0
  }

  async function loadScope(scope = Promise.all([api.regions(), api.modules()])) {
    const [tree, manifest] = await scope
    regions.value = tree.tree
    loaded.clear()
    modules.value = manifest.modules
  }

  /**
   * Restore the session from the cookie; false when there is none. The three requests go out together (the page
   * preloads them, see index.html): without a session, regions and modules answer 401 and are ignored. Without a
   * session cookie the server's page says so, and nothing is asked.
   */
  async function restore(): Promise<boolean> {
    // The server saw no session cookie: asking would only bring three 401s.
    if (document.querySelector('meta[name=liaison-session][content=none]')) return false
    const scope = Promise.all([api.regions(), api.modules()])
    scope.catch(() => {})
    try {
      const session = await api.me()
      user.value = session.user
      csrfToken.value = session.csrfToken
    } catch {
      return false
    }
    await loadScope(scope)
    return true
  }

  async function login(username: string, password: string) {
    const session = await api.login(username, password)
    user.value = session.user
    csrfToken.value = session.csrfToken
    await loadScope()
  }

  async function logout() {
    try {
      await api.logout(csrfToken.value)
    } finally {
      forget()
    }
  }

  function forget() {
    user.value = null
    csrfToken.value = ''
    regions.value = []
    modules.value = []
  }

  return {
    user,
    csrfToken,
    regions,
    modules,
    signedIn,
    restore,
    login,
    logout,
    forget,
    loadTownships,
    searchTownships,
  }
})
