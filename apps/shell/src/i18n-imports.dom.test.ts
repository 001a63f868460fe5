// The import page's words in both languages: a count of errors is said as English says it.
import { describe, expect, it } from 'vitest'
import { i18n } from './i18n.ts'
import './i18n-imports.ts'

describe('import messages', () => {
  it('says one error and n errors in English, and the count in Chinese', () => {
    const say = (locale: 'en' | 'zh-CN', n: number) => {
      i18n.global.locale.value = locale
      return i18n.global.t('imports.refused', { n }, n)
    }
    expect(say('en', 1)).toBe(
      'The file was refused with one error; nothing was written. Fix it and upload again.',
    )
    expect(say('en', 3)).toBe(
      'The file was refused with 3 errors; nothing was written. Fix them and upload again.',
    )
    expect(say('zh-CN', 1)).toBe('文件未通过校验，共 1 处错误，未写入任何数据。请修改后重新上传。')
  })
})
