// At most `limit` figure answers computed at once per process; the rest wait their turn, first come first served.
// Without it, fifty computed requests each put their dozen queries in the pool's one queue and all finish
// together, late, holding their partial answers in memory the whole time. With it, they finish one after another
// at the same throughput: a burst is answered in turn instead of all at its end, and fewer are in memory at once.
export class Gate {
  private running = 0
  private readonly waiting: (() => void)[] = []
  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.running++
    try {
      return await work()
    } finally {
      const next = this.waiting.shift()
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      if (next) next()
      else this.running--
    }
  }
}
