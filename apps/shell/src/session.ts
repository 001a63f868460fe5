import type { ModulesResponse, RegionNode, SessionUser } from '@liaison/contracts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from './api.ts'

/** Who is signed in, which regions they may see and which modules they may open. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null)
  const csrfToken = ref('')
  const regions = shallowRef<RegionNode[]>([])
  const modules = shallowRef<ModulesResponse['modules']>([])
  const signedIn = computed(() => user.value !== null)

  async function loadScope(scope = Promise.all([api.regions(), api.modules()])) {
    const [tree, manifest] = await scope
    regions.value = tree.tree
    modules.value = manifest.modules
  }

  /**
   * Restore the session from the cookie; false when there is none. The three requests go out together (the page
   * preloads them, see index.html): without a session, regions and modules answer 401 and are ignored.
   */
  async function restore(): Promise<boolean> {
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

  return { user, csrfToken, regions, modules, signedIn, restore, login, logout, forget }
})
