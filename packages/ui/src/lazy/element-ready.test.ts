import { beforeEach, describe, expect, it, vi } from 'vitest'

// A fresh module per test: the setup and its promise are module state.
let ready: typeof import('./element-ready.ts')
beforeEach(async () => {
  vi.resetModules()
  ready = await import('./element-ready.ts')
})

describe('loadElement', () => {
  it('runs the app setup once, before the first Element Plus code is handed over', async () => {
    const order: string[] = []
    const setup = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 20))
      order.push('setup')
    })
    ready.beforeElementLoads(setup)
    const select = await ready.loadElement(async () => {
      order.push('select fetched')
      return 'select'
    })
    order.push(`got ${select}`)
    expect(await ready.loadElement(async () => 'table')).toBe('table')
    expect(setup).toHaveBeenCalledTimes(1)
    // Fetched in parallel with the setup, handed over after it.
    expect(order).toEqual(['select fetched', 'setup', 'got select'])
  })

  it('fails a load whose setup failed, and tries the setup again next time', async () => {
    const setup = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined)
    ready.beforeElementLoads(setup)
    await expect(ready.loadElement(async () => 'select')).rejects.toThrow('offline')
    expect(await ready.loadElement(async () => 'select')).toBe('select')
    expect(setup).toHaveBeenCalledTimes(2)
  })

  it('loads without a setup (a module on its own dev server)', async () => {
    expect(await ready.loadElement(async () => 'drawer')).toBe('drawer')
  })
})
