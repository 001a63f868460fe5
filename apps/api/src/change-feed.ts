import type { DbHandle } from '@liaison/db'

/**
 * Whether a copy in memory of some rows still matches the database. Take a mark before reading the rows; the copy
 * is current while the mark is: a notification on the channel, a write through this handle, or a lost listening
 * connection makes every earlier mark old. While nobody listens (not yet, or the connection is down) there is no
 * mark, and readers ask the database.
 */
export class ChangeFeed {
  private generation = 0
  private listening = false

  constructor(handle: DbHandle, channel: string) {
    handle.listen(channel, (event) => {
      this.generation++
      // A change says nothing of whether later ones will be heard: a write while the connection is down is one.
      if (event === 'listening') this.listening = true
      if (event === 'lost') this.listening = false
    })
  }

  mark(): number | null {
    return this.listening ? this.generation : null
  }

  current(mark: number | null): boolean {
    return mark !== null && this.listening && mark === this.generation
  }
}
