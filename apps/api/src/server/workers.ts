// WORKERS=n: n processes share the port (node:cluster). Sessions, lockouts and figures live in the database, so
// any worker answers any request; the per-address login throttle is per worker (n × its limit in all).
import cluster from 'node:cluster'

export interface WorkerPool {
  /** Resolves when every worker listens. */
  ready: Promise<void>
  /** SIGTERM to every worker (each finishes its in-flight requests); resolves when all have exited. */
  stop(): Promise<void>
}

/** Fork `count` workers running this same script; one that dies is replaced (unless stopping). */
export function forkWorkers(count: number, log: (line: string) => void): WorkerPool {
  let stopping = false
  let listening = 0
  let markReady: () => void
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const fork = () => cluster.fork()
  cluster.on('listening', () => {
    listening += 1
    if (listening === count) markReady()
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    log(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another`)
    fork()
  })
  for (let i = 0; i < count; i++) fork()
  return {
    ready,
    stop: async () => {
      stopping = true
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined)
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve()
              w.once('exit', () => resolve())
              w.process.kill('SIGTERM')
            }),
        ),
      )
    },
  }
}
