import { type Ref, ref, watch } from 'vue'

/** An element's content width, kept current while it is in the page; 0 until measured (and without ResizeObserver). */
export function useWidth(element: Ref<HTMLElement | null | undefined>) {
  const width = ref(0)
  watch(element, (target, _, onCleanup) => {
    if (!target || typeof ResizeObserver === 'undefined') return
    // One observed element: one entry.
    const observer = new ResizeObserver(([entry]) => {
      width.value = entry!.contentRect.width
    })
    observer.observe(target)
    onCleanup(() => observer.disconnect())
  })
  return width
}
