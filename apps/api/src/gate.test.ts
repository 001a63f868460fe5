import { describe, expect, it } from 'vitest'
import { Gate } from './gate.ts'

/** A piece of work that runs until released, recording when it starts. */
function held(log: string[], name: string) {
  let release!: () => void
  const done = new Promise<void>((r) => {
    release = r
  })
  return {
    release: () => release(),
    work: async () => {
      log.push(name)
      await done
      return name
    },
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('Gate', () => {
  it('runs at most `limit` at once and the rest in the order they came', async () => {
    const gate = new Gate(2)
    const started: string[] = []
    const jobs = ['a', 'b', 'c', 'd'].map((name) => held(started, name))
    const results = jobs.map((j) => gate.run(j.work))
    await settle()
    expect(started).toEqual(['a', 'b'])
    jobs[1]!.release()
    await settle()
    expect(started).toEqual(['a', 'b', 'c'])
    // A newcomer waits behind d, which has waited longer.
    const late = held(started, 'e')
    const lateResult = gate.run(late.work)
    jobs[0]!.release()
    await settle()
    expect(started).toEqual(['a', 'b', 'c', 'd'])
    for (const j of [...jobs, late]) j.release()
    expect(await Promise.all([...results, lateResult])).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('frees the slot when the work fails', async () => {
    const gate = new Gate(1)
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
  })
})
