// vue-i18n's own message compiler (a tokenizer, parser and code generator) was 4.3 KB of gzip in the first view,
// for texts that use only `{name}`, `{0}`, `{'literal'}` and plural cases (`one | other`). The builds drop it
// (__INTLIFY_DROP_MESSAGE_COMPILER__, mf.shared.ts) and every createI18n / useI18n passes this one instead.
// apps/shell/src/message-compiler.dom.test.ts renders every message of every app with both and compares them.
import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n'

type Part = string | { named: string } | { list: number }
/** What vue-i18n's own generated code calls and its types leave out: join the parts as text, or as VNodes for
 * `<i18n-t>`, whose slots fill the placeholders. */
type Context = MessageContext & { normalize(parts: unknown[]): string; interpolate(value: unknown): unknown }

const placeholder = /\{\s*(?:'([^']*)'|(\d+)|([^\s{}]+))\s*\}/g
/** A plural cases' bar, not one inside a placeholder (`{'|'}`). */
const bar = /\s*\|\s*(?![^{]*\})/

function parse(source: string): Part[] {
  const parts: Part[] = []
  let at = 0
  for (const m of source.matchAll(placeholder)) {
    if (m.index > at) parts.push(source.slice(at, m.index))
    parts.push(m[1] ?? (m[2] ? { list: Number(m[2]) } : { named: m[3] as string }))
    at = m.index + m[0].length
  }
  if (at < source.length) parts.push(source.slice(at))
  return parts
}

// vue-i18n asks again at every translation: each text is parsed once.
const compiled = new Map<string, MessageFunction>()

export const compileMessage: MessageCompiler = (message) => {
  // Precompiled messages (ASTs from a bundler plugin) are not used here; say so rather than print "[object Object]".
  if (typeof message !== 'string') throw new TypeError('compileMessage takes message strings only')
  const source = message
  let done = compiled.get(source)
  if (!done) {
    done = build(source)
    compiled.set(source, done)
  }
  return done
}

function build(source: string): MessageFunction {
  const cases = source.split(bar).map(parse)
  const render = (ctx: Context, parts: Part[]) =>
    ctx.normalize(
      parts.map((p) =>
        typeof p === 'string' ? p : ctx.interpolate('list' in p ? ctx.list(p.list) : ctx.named(p.named)),
      ),
    )
  return cases.length > 1
    ? (ctx: MessageContext) => ctx.plural(cases.map((c) => render(ctx as Context, c)))
    : (ctx: MessageContext) => render(ctx as Context, cases[0] as Part[])
}
