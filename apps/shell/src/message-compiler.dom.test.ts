// Our message compiler (packages/ui/src/message-compiler.ts) against vue-i18n's own, on every text of every app, and
// a check that no i18n instance is made without it: the builds drop vue-i18n's compiler, so a text compiled by
// neither would show its placeholders raw.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { createI18n, I18nT } from 'vue-i18n'
import * as funding from '../../mf-funding/src/messages.ts'
import * as opinions from '../../mf-opinions/src/messages.ts'
import * as overview from '../../mf-overview/src/messages.ts'
import { en as overviewEnglish } from '../../mf-overview/src/messages-en.ts'
import * as reportback from '../../mf-reportback/src/messages.ts'
import * as stations from '../../mf-stations/src/messages.ts'
import * as boundary from './components/boundary/messages.ts'
import { i18n } from './i18n.ts'
import { messages as shellEnglish } from './i18n-en.ts'
import './i18n-imports.ts'
import './i18n-login.ts'
import { compileMessage } from '@liaison/ui'

i18n.global.mergeLocaleMessage('en', shellEnglish)
const trees: Record<string, unknown> = {
  'shell zh-CN': i18n.global.getLocaleMessage('zh-CN'),
  'shell en': i18n.global.getLocaleMessage('en'),
  boundary: boundary.messages,
  funding: funding.messages,
  opinions: opinions.messages,
  overview: overview.messages,
  'overview en': overviewEnglish,
  reportback: reportback.messages,
  stations: stations.messages,
}

function* texts(tree: unknown, path: string): Generator<[string, string]> {
  if (typeof tree === 'string') yield [path, tree]
  else if (tree && typeof tree === 'object')
    for (const [key, value] of Object.entries(tree)) yield* texts(value, `${path}.${key}`)
}

const render = (text: string, compiler: boolean, named: Record<string, unknown>, plural?: number) => {
  const { global } = createI18n({
    legacy: false,
    locale: 'x',
    messages: { x: { text } },
    ...(compiler ? { messageCompiler: compileMessage } : {}),
    missingWarn: false,
  })
  return plural === undefined ? global.t('text', named) : global.t('text', named, plural)
}

describe('the message compiler', () => {
  it('renders placeholders, list items, literals and plural cases', () => {
    const t = (text: string, named: Record<string, unknown> = {}, plural?: number) =>
      render(text, true, named, plural)
    expect(t('第{n}季度', { n: 3 })).toBe('第3季度')
    expect(t('{ a } / {b}', { a: 1, b: 2 })).toBe('1 / 2')
    expect(t("{'{'}n{'}'}")).toBe('{n}')
    // The count picks the case and, unless given, is {n} and {count}.
    expect(t('one error | {n} errors', {}, 1)).toBe('one error')
    expect(t('one error | {n} errors', {}, 4)).toBe('4 errors')
    expect(t('no file | one file | {count} files', {}, 0)).toBe('no file')
    expect(t('no file | one file | {count} files', {}, 7)).toBe('7 files')
    expect(t("a {'|'} b")).toBe('a | b')
  })

  it('fills <i18n-t> slots with elements', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'x',
      messages: { x: { drop: 'Drop the file here, or {choose}' } },
      messageCompiler: compileMessage,
    })
    const wrapper = mount(
      defineComponent({
        components: { I18nT },
        template: `<i18n-t keypath="drop" tag="p"><template #choose><em>click to choose one</em></template></i18n-t>`,
      }),
      { global: { plugins: [i18n] } },
    )
    expect(wrapper.html()).toBe('<p>Drop the file here, or <em>click to choose one</em></p>')
  })

  const all = Object.entries(trees).flatMap(([name, tree]) => [...texts(tree, name)])
  it(`gives vue-i18n's own answer for each of the apps' ${all.length} texts`, () => {
    expect(all.length).toBeGreaterThan(300)
    for (const [path, text] of all) {
      const named = Object.fromEntries([...text.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => [m[1], `‹${m[1]}›`]))
      expect(render(text, true, named), path).toBe(render(text, false, named))
      // A given {n} or {count} would pick the case itself: leave them to the count.
      const { n: _n, count: _count, ...counted } = named
      for (const plural of [0, 1, 2, 5]) {
        expect(render(text, true, counted, plural), `${path} (${plural})`).toBe(
          render(text, false, counted, plural),
        )
      }
    }
  })

  it('is passed to every i18n instance the apps make', () => {
    // Every app's and package's own sources (src/), not their dependencies or builds.
    const root = join(import.meta.dirname, '../../..')
    const sources = ['apps', 'packages'].flatMap((top) =>
      readdirSync(join(root, top)).flatMap((name) => {
        const src = join(root, top, name, 'src')
        return readdirSync(src, { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('.test.ts'))
          .map((f) => join(src, f))
      }),
    )
    const makers = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:useI18n|createI18n)\(\{[^)]*\)/gs)].map((m) => [
        file,
        m[0],
      ]),
    )
    expect(makers.length).toBeGreaterThanOrEqual(12)
    for (const [file, call] of makers) expect(call, file).toContain('messageCompiler: compileMessage')
  })
})
