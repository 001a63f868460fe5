// A sign-in the server refuses for a reason the page cannot name shows the server's words in the page's language.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '../api.ts'
import { i18n, showLanguage } from '../i18n.ts'
import { useSessionStore } from '../session.ts'
import LoginPage from './LoginPage.vue'

async function failedSignIn() {
  setActivePinia(createPinia())
  const session = useSessionStore()
  session.login = async () => {
    throw new ApiError(503, '数据库暂不可用 / The database is unavailable')
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: LoginPage }],
  })
  await router.push('/login')
  const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] } })
  await wrapper.get('input[name=username]').setValue('demo-leader')
  await wrapper.get('input[name=password]').setValue('demo')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  return wrapper.text()
}

describe('the sign-in page', () => {
  it("names the server's reason in Chinese only, and in English only once English is chosen", async () => {
    const zh = await failedSignIn()
    expect(zh).toContain('数据库暂不可用')
    expect(zh).not.toContain('The database is unavailable')
    await showLanguage('en')
    try {
      const en = await failedSignIn()
      expect(en).toContain('The database is unavailable')
      expect(en).not.toContain('数据库暂不可用')
    } finally {
      await showLanguage('zh-CN')
    }
  })
})
