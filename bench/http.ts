// The bench's HTTP client and percentiles, shared by `pnpm bench` and `pnpm bench:compare`.
import http from 'node:http'

/** Sequential GETs on one kept-alive connection. node:http rather than fetch: fetch's own work (streams, header
 * objects) took half a millisecond a request here, and a timing should be the API's. */
export function keptAliveClient() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = (url: string, headers: Record<string, string>) =>
    new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
      http
        .get(url, { agent, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: res.headers['content-type'] ?? '',
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          )
        })
        .on('error', reject)
    })
  return { get, close: () => agent.destroy() }
}

/** Nearest-rank percentile of sorted samples. */
export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
export const r1 = (n: number) => Math.round(n * 10) / 10
export const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b)
  return { p50: r1(pct(s, 50)), p95: r1(pct(s, 95)), p99: r1(pct(s, 99)) }
}
