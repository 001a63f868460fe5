import { fileURLToPath } from 'node:url'

/** The repository root, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** The dashboard modules, each built into apps/mf-<name>/dist and served under /modules/<name>/. */
export const moduleNames = ['overview', 'stations', 'opinions', 'funding', 'reportback'] as const
export type ModuleName = (typeof moduleNames)[number]

export const shellDist = `${repoRoot}apps/shell/dist`
export const moduleDist = (name: ModuleName) => `${repoRoot}apps/mf-${name}/dist`
