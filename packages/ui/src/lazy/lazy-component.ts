// Controls whose code loads on first use (menus, selects, the region picker): until then a plain stand-in is
// rendered, so their library code stays out of the first view. This is the loading and the hand-over they share.
import { type Component, markRaw, shallowRef } from 'vue'

export type ComponentLoader = () => Promise<{ default: Component }>

/**
 * The component behind `loader`: `warm` fetches it (once; again after a failure), `show` fetches it and puts it
 * in `loaded`, which stays null until then. Only `show` swaps the stand-in: swapping on hover or focus could lose
 * the focus, or a click pressed on the stand-in and released on the real control.
 */
export function lazyComponent(loader: ComponentLoader) {
  const loaded = shallowRef<Component | null>(null)
  let loading: Promise<Component> | null = null
  function load() {
    loading ??= loader().then(
      (module) => markRaw(module.default),
      (error: unknown) => {
        loading = null
        throw error
      },
    )
    return loading
  }
  /** Start fetching (pointing at or focusing the stand-in); a failure shows when the control is used. */
  const warm = () => void load().catch(() => {})
  async function show() {
    loaded.value = await load()
  }
  return { loaded, show, warm }
}

/** The keys Element Plus's dropdowns, selects and cascaders open with. */
const openKeys = new Set(['Enter', 'NumpadEnter', 'Space', 'ArrowDown'])

/** Whether an event on a stand-in should open the real control (a click, or one of the opening keys). */
export function opens(event: MouseEvent | KeyboardEvent): boolean {
  return !(event instanceof KeyboardEvent) || openKeys.has(event.code)
}

/**
 * Replay the event that opened a stand-in on the real control now rendered in its place: focus `focus` (the
 * element that takes the keyboard) and send it the key, or click `click`. Selectors are looked up in `root`.
 */
export function replayOpen(
  root: HTMLElement | null,
  event: MouseEvent | KeyboardEvent,
  targets: { focus: string; click?: string },
) {
  const focusable = root?.querySelector<HTMLElement>(targets.focus)
  if (!focusable) return
  focusable.focus()
  if (event instanceof KeyboardEvent) {
    focusable.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, code: event.code, bubbles: true }))
  } else (root?.querySelector<HTMLElement>(targets.click ?? targets.focus) ?? focusable).click()
}
