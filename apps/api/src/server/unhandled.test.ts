import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('an unhandled rejection', () => {
  it('is logged and the process goes on, where Node would end it', () => {
    const module = new URL('./unhandled.ts', import.meta.url).pathname
    const script = `
      const { logUnhandledRejections } = await import(${JSON.stringify(module)})
      logUnhandledRejections((line) => console.log(line))
      Promise.reject(new Error('a query nobody awaited'))
      setTimeout(() => console.log('still serving'), 50)`
    const run = (code: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    const out = run(script)
    expect(out).toContain('Unhandled rejection (the server goes on): Error: a query nobody awaited')
    expect(out).toContain('still serving')
    // Without it, the same script ends with the rejection, before the timer.
    expect(() => run(script.replace('logUnhandledRejections((line) => console.log(line))', ''))).toThrow(
      /a query nobody awaited/,
    )
  })
})
