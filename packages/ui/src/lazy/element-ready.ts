// Element Plus loads with its first control, and so does what its controls need from the app: its locale and
// config, which the shell provides (main.ts) and which are therefore not in the first view either. Every loader
// of Element Plus code goes through loadElement, so that setup has run before any control of it renders.

let setup: (() => Promise<unknown>) | null = null
let ready: Promise<unknown> | null = null

/** What must run once before the first Element Plus control renders (the app's locale and config for it). */
export function beforeElementLoads(run: () => Promise<unknown>) {
  setup = run
  ready = null
}

/** Load Element Plus code (a component or a module) together with the setup, which runs once; a failed setup is
 * tried again on the next load. */
export async function loadElement<T>(load: () => Promise<T>): Promise<T> {
  ready ??= (setup?.() ?? Promise.resolve()).catch((error: unknown) => {
    ready = null
    throw error
  })
  const [, loaded] = await Promise.all([ready, load()])
  return loaded
}
