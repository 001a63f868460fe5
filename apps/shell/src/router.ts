import type { SessionUser } from '@liaison/contracts'
import { loadElement } from '@liaison/ui'
import { createRouter, createWebHistory } from 'vue-router'
import { useSessionStore } from './session.ts'

/** The roles the API lets import registers (POST /api/v1/imports). */
export const importRoles: readonly SessionUser['role'][] = ['admin', 'clerk']

/** The dashboard page's code: the shell starts loading it while the session is restored. */
export const dashboardPage = () => import('./pages/DashboardPage.vue')

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    // Pages built of Element Plus controls: its locale comes with them (loadElement).
    {
      path: '/login',
      component: () => loadElement(() => import('./pages/LoginPage.vue')),
      meta: { public: true },
    },
    {
      path: '/imports',
      component: () => loadElement(() => import('./pages/ImportsPage.vue')),
      meta: { importer: true },
    },
    { path: '/m/:name', component: dashboardPage },
    { path: '/:rest(.*)*', component: dashboardPage },
  ],
})

let restored = false

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.signedIn && !restored) {
    restored = true
    await session.restore()
  }
  if (to.meta.public) return session.signedIn && to.path === '/login' ? { path: '/', query: to.query } : true
  if (!session.signedIn) return { path: '/login', query: { next: to.fullPath } }
  // A link to a township above the user's county: its county's townships first, so the link keeps its region.
  if (typeof to.query.region === 'string') await session.loadTownships(to.query.region).catch(() => {})
  if (to.meta.importer && session.user && importRoles.includes(session.user.role)) return true
  const names = session.modules.map((m) => m.name)
  if (to.path.startsWith('/m/') && names.some((n) => n === to.params.name)) return true
  // Unknown or no module: the first one the user may open, keeping the filters.
  return names[0] ? { path: `/m/${names[0]}`, query: to.query, replace: true } : true
})
