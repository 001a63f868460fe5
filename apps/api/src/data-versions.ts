import type { DbHandle } from '@liaison/db'
import { type CountyVersion, countyVersions, type DataState, dataState, dataStateOf } from '@liaison/metrics'
import { ChangeFeed } from './change-feed.ts'

/** More regions than any day's requests name (the nation has ≈ 44,000 above its villages). */
const maxStates = 50_000

/**
 * Every county's data version, held in memory, so a read request asks the database nothing before its own query.
 * The copy is read again after any change (LISTEN data_versions); until then, and whenever notifications may have
 * been missed, state() asks the database as before.
 */
export class DataVersions {
  private readonly feed: ChangeFeed
  private copy: { counties: CountyVersion[]; mark: number; states: Map<string, DataState> } | null = null
  private reading = false

  constructor(private readonly handle: DbHandle) {
    this.feed = new ChangeFeed(handle, 'data_versions')
  }

  /** dataState of the primary for `region` (null: the whole country). */
  async state(region: string | null): Promise<DataState> {
    const copy = this.copy
    if (!copy || !this.feed.current(copy.mark)) {
      this.readAgain()
      return dataState(this.handle.db, region)
    }
    const key = region ?? ''
    const known = copy.states.get(key)
    if (known) return known
    const state = dataStateOf(copy.counties, region)
    // Any well-formed code is a key: past a bound the answers start again rather than grow.
    if (copy.states.size >= maxStates) copy.states.clear()
    copy.states.set(key, state)
    return state
  }

  /** One reading at a time, started by the first request after a change; the requests meanwhile ask the database. */
  private readAgain() {
    const mark = this.feed.mark()
    if (mark === null || this.reading) return
    this.reading = true
    countyVersions(this.handle.db)
      .then((counties) => {
        this.copy = { counties, mark, states: new Map() }
      })
      // The database is down: the requests meanwhile say so themselves, and the next one tries again.
      .catch(() => {})
      .finally(() => {
        this.reading = false
      })
  }
}
