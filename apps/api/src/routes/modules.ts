import { type ModuleName, type ModulesResponse, moduleNames } from '@liaison/contracts'
import { Hono } from 'hono'
import type { AppEnv } from '../types.ts'

// The overview shows whichever region is chosen (the nation, a province, a county, a township), so its tab says
// 总览, not design.md's 县域总览, which read wrong to a township head looking at a township.
const titles: Record<ModuleName, { zh: string; en: string }> = {
  overview: { zh: '总览', en: 'Overview' },
  stations: { zh: '站点建设与对比', en: 'Stations' },
  opinions: { zh: '社情民意办理', en: 'Opinions' },
  funding: { zh: '民生实事微项目', en: 'Micro-projects' },
  reportback: { zh: '代表述职', en: 'Report-backs' },
}

/** The dashboard modules this user may open, with the manifest each is loaded from. */
export const moduleRoutes = new Hono<AppEnv>().get('/modules', (c) =>
  c.json({
    modules: moduleNames.map((name) => ({
      name,
      title: titles[name],
      entry: `/modules/${name}/mf-manifest.json`,
    })),
  } satisfies ModulesResponse),
)
