import { z } from 'zod'

// The only place that reads process.env.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  /** A streaming replica of DATABASE_URL: figures are read there while it is as current as the primary. */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Where the API listens for changes (LISTEN needs a session of its own): behind PgBouncer in transaction
   * pooling, a session-pooling port or the server itself. Defaults to DATABASE_URL. */
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_LISTEN_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Worker processes sharing the port (needs DATABASE_URL: the embedded database serves one process). */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).optional(),
  DEMO: z
    .enum(['0', '1', 'false', 'true'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  NODE_ENV: z.string().default('production'),
  /** Set by `pnpm dev`: modules load from their own Vite dev servers (ports 5174–5178) with hot reload. */
  DEV_MODULES: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** On SIGTERM, how long requests already accepted may run (a Word report of a large region takes seconds)
   * before their connections are cut; set it under the orchestrator's own grace period (Kubernetes: 30 s). Unset:
   * startServer's default (15 s). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
  /** Trust X-Forwarded-* (behind a reverse proxy): marks cookies Secure when the proxy says https. */
  TRUST_PROXY: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
})

export type Env = z.infer<typeof schema>

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const first = parsed.error.issues[0]!
    throw new Error(`Configuration error: ${first.path.join('.')}: ${first.message}`)
  }
  return parsed.data
}
