import { loggable } from '../errors.ts'

/**
 * A promise that fails with nobody awaiting it (a query started for a request that had already failed) is logged,
 * not left to end the process as Node would: one bad request must not take the server down for every user. Every
 * write runs in a transaction, so a failure leaves no half-written data that a restart would have to clear up.
 * Logged as any error is: without the query's parameters (loggable).
 */
export function logUnhandledRejections(log: (line: string) => void) {
  process.on('unhandledRejection', (reason) => {
    const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)
    log(`Unhandled rejection (the server goes on): ${loggable(text)}`)
  })
}
