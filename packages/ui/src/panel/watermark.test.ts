import { describe, expect, it } from 'vitest'
import { imageBackground, takeChoice, watermarkChoice } from './watermark.ts'

describe('menu commands of the watermark and image-background groups', () => {
  it('sets the remembered choice and leaves other commands to the menu', () => {
    expect(takeChoice('mark:org')).toBe(true)
    expect(watermarkChoice.value).toBe('org')
    expect(takeChoice('background:theme')).toBe(true)
    expect(imageBackground.value).toBe('theme')
    expect(takeChoice('png2')).toBe(false)
    expect(takeChoice('mark:everyone')).toBe(false)
    expect(watermarkChoice.value).toBe('org')
  })
})
