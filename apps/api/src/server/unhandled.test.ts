import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Run a script as a module in a Node process of its own: its stdout, or its exit status and output. */
function run(code: string): { status: number; stdout: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { status: 0, stdout }
  } catch (error) {
    const failed = error as { status: number; stdout: string }
    return { status: failed.status, stdout: failed.stdout }
  }
}

describe('an unhandled rejection', () => {
  const module = new URL('./unhandled.ts', import.meta.url).pathname
  const script = (installed: boolean) => `
    const { logUnhandledRejections } = await import(${JSON.stringify(module)})
    ${installed ? 'logUnhandledRejections((line) => console.log(line))' : ''}
    Promise.reject(new Error('Failed query: select 1 from deputies where phone = $1\\nparams: 13800000000'))
    setTimeout(() => console.log('still serving'), 50)`

  it('is logged, without the query parameters, and the process goes on, where Node would end it', () => {
    const logged = run(script(true))
    expect(logged.status).toBe(0)
    expect(logged.stdout).toContain('Unhandled rejection (the server goes on): Error: Failed query: select 1')
    expect(logged.stdout).toContain('params: (withheld)')
    expect(logged.stdout).not.toContain('13800000000')
    expect(logged.stdout).toContain('still serving')
    // Without it, the same script ends with the rejection, before the timer.
    const unlogged = run(script(false))
    expect(unlogged.status).not.toBe(0)
    expect(unlogged.stdout).not.toContain('still serving')
  })
})
