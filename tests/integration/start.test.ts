// The README's run command as a new user meets it: one process, one port, one clear line on failure.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const cli = new URL('../../apps/api/src/cli.ts', import.meta.url).pathname
const running: ChildProcess[] = []
afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
})

interface Outcome {
  child: ChildProcess
  url?: string
  output: string
  code?: number | null
}

/** Start the API process; resolve when it prints its URL or exits. */
function start(env: Record<string, string>, args: string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('node', ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, PORT: '0', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.push(child)
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match) resolve({ child, url: match[1], output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => resolve({ child, output, code }))
  })
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

describe('pnpm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-start-'))

  it('migrates, seeds the demo, answers health and readiness', async () => {
    const first = await start({ DATA_DIR: dataDir })
    expect(first.url, first.output).toBeDefined()
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/) // demo mode listens on loopback only
    expect(first.output).toContain('Seeded the demo data')
    const health = await fetch(`${first.url}/api/v1/health`)
    expect(health.status).toBe(200)
    const ready = await fetch(`${first.url}/api/v1/ready`)
    expect(await ready.json()).toEqual({ ready: true, database: 'pglite' })

    // A second process on the same directory is refused with one clear line.
    const second = await start({ DATA_DIR: dataDir })
    expect(second.code).toBe(1)
    expect(second.output.trim()).toMatch(/^The data directory .* is in use by another process \(pid \d+\)/)
    expect(second.output).not.toMatch(/\n\s+at /) // no stack trace

    expect(await stop(first.child)).toBe(0)
  })

  it('reuses the data on a second start without reseeding', async () => {
    const again = await start({ DATA_DIR: dataDir })
    expect(again.url, again.output).toBeDefined()
    expect(again.output).not.toContain('Seeded')
    await stop(again.child)
  })

  it('starts empty with --no-demo', async () => {
    const empty = await start({ DATA_DIR: mkdtempSync(join(tmpdir(), 'liaison-empty-')) }, ['--no-demo'])
    expect(empty.url, empty.output).toBeDefined()
    expect(empty.output).not.toContain('Seeded')
    await stop(empty.child)
  })
})

describe('clear failures', () => {
  it('a wrong DATABASE_URL gives one line and a non-zero exit', async () => {
    const outcome = await start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(outcome.code).toBe(1)
    expect(outcome.output.trim().split('\n')).toHaveLength(1)
    expect(outcome.output).toContain('Cannot reach the database in DATABASE_URL')
  })

  it('a malformed DATABASE_URL is named', async () => {
    const outcome = await start({ DATABASE_URL: 'mysql://x' })
    expect(outcome.code).toBe(1)
    expect(outcome.output.trim()).toBe(
      'Configuration error: DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL',
    )
  })

  it('an occupied port gives one line and a non-zero exit', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => blocker.once('listening', r))
    const port = (blocker.address() as { port: number }).port
    const outcome = await start(
      { DATA_DIR: mkdtempSync(join(tmpdir(), 'liaison-port-')), PORT: String(port) },
      ['--no-demo'],
    )
    blocker.close()
    expect(outcome.code).toBe(1)
    // Start-up progress lines may come first; the failure is one line, with no stack trace.
    expect(outcome.output.trim().split('\n').at(-1)).toBe(
      `Port ${port} is already in use. Stop the other process or set PORT to a free port.`,
    )
    expect(outcome.output).not.toMatch(/\n\s+at /)
  })
})

const realUrl = process.env.TEST_DATABASE_URL
describe.runIf(realUrl)('pnpm start on real PostgreSQL', () => {
  it('migrates and seeds there with DATABASE_URL', async () => {
    const postgres = (await import('postgres')).default
    const admin = postgres(realUrl!, { max: 1, onnotice: () => {} })
    const name = `liaison_start_${process.pid}`
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
    const url = new URL(realUrl!)
    url.pathname = `/${name}`
    const outcome = await start({ DATABASE_URL: url.toString() })
    expect(outcome.url, outcome.output).toBeDefined()
    expect(outcome.output).toContain('Seeded the demo data')
    expect(outcome.output).toContain('PostgreSQL 127.0.0.1:5432')
    const ready = await fetch(`${outcome.url}/api/v1/ready`)
    expect(await ready.json()).toEqual({ ready: true, database: 'postgres' })
    await stop(outcome.child)
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  })
})
