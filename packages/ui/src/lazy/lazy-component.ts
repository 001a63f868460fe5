// Controls whose code loads on first use (menus, selects, the region picker): until then a plain stand-in is
// rendered, so their library code stays out of the first view. This is the loading and the hand-over they share.
import { type Component, markRaw, nextTick, type Ref, shallowRef } from 'vue'
import { loadElement } from './element-ready.ts'

export type ComponentLoader = () => Promise<{ default: Component }>

/** Where the real control takes what was done to its stand-in (selectors inside the control's root). */
export interface ReplayTargets {
  /** The element that takes the keyboard (focused, and sent the key). */
  focus: string
  /** The element a click is replayed on (default: `focus`). */
  click?: string
  /** A text input that takes what was typed into the stand-in (a searchable picker). */
  text?: string
}

/** The keys that open Element Plus's dropdown menus; its selects and cascaders do not open on Space. */
export const menuKeys = ['Enter', 'NumpadEnter', 'Space', 'ArrowDown']
export const fieldKeys = ['Enter', 'NumpadEnter', 'ArrowDown']

type Intent = { kind: 'click' } | { kind: 'key'; key: string; code: string } | { kind: 'text'; value: string }

/**
 * A stand-in that becomes `loader`'s component on first use. Pointing at or focusing the stand-in fetches the
 * code; a click, an opening key (`keys`) or typing renders the real control in `loaded` and replays the last of
 * them on it once, so it opens as if it had been there. Only then: swapping on hover or focus could lose the focus,
 * or a click pressed on the stand-in and released on the real control. Nothing is replayed when the focus has left
 * the control while its code loaded. `failed` is called when the code cannot be fetched (tried again next time).
 */
export function useLazyControl(options: {
  loader: ComponentLoader
  root: Ref<HTMLElement | null>
  keys: string[]
  targets: ReplayTargets
  failed: (error: Error) => void
}) {
  const loaded = shallowRef<Component | null>(null)
  let loading: Promise<Component> | null = null
  let intent: Intent | null = null

  function load() {
    loading ??= loadElement(options.loader).then(
      (module) => markRaw(module.default),
      (error: unknown) => {
        loading = null
        throw error
      },
    )
    return loading
  }
  const warm = () => void load().catch(() => {})

  /** Render the real control (and replay what was done meanwhile, if anything). */
  async function show() {
    const waiting = intent !== null
    try {
      loaded.value = await load()
    } catch (error) {
      intent = null
      options.failed(error as Error)
      return
    }
    const last = intent
    intent = null
    if (!waiting || !last) return
    await nextTick()
    replay(last)
  }

  /** Record what the user did; the first of a run starts the swap, the last is replayed. */
  function want(next: Intent) {
    const first = intent === null
    intent = next
    if (first) void show()
  }

  function replay(last: Intent) {
    const root = options.root.value
    const active = document.activeElement
    // The user moved on while the code loaded (tabbed away): do not pull them back.
    if (!root || (active && active !== document.body && !root.contains(active))) return
    if (last.kind === 'text') {
      const input = root.querySelector<HTMLInputElement>(options.targets.text ?? options.targets.focus)
      if (!input) return
      input.focus()
      input.value = last.value
      input.dispatchEvent(new Event('input', { bubbles: true }))
      return
    }
    const focusable = root.querySelector<HTMLElement>(options.targets.focus)
    if (!focusable) return
    focusable.focus()
    if (last.kind === 'key') {
      focusable.dispatchEvent(new KeyboardEvent('keydown', { key: last.key, code: last.code, bubbles: true }))
    } else
      (root.querySelector<HTMLElement>(options.targets.click ?? options.targets.focus) ?? focusable).click()
  }

  /** The stand-in's listeners, until the real control is rendered. */
  const listeners = {
    pointerenter: warm,
    focusin: warm,
    click(event: MouseEvent) {
      event.preventDefault()
      want({ kind: 'click' })
    },
    keydown(event: KeyboardEvent) {
      if (!options.keys.includes(event.code)) return
      event.preventDefault()
      want({ kind: 'key', key: event.key, code: event.code })
    },
    input(event: Event) {
      const target = event.target as HTMLInputElement
      if (!options.targets.text || (event as InputEvent).isComposing) return
      want({ kind: 'text', value: target.value })
    },
    compositionend(event: CompositionEvent) {
      if (!options.targets.text) return
      want({ kind: 'text', value: (event.target as HTMLInputElement).value })
    },
  }
  return { loaded, listeners, show }
}
