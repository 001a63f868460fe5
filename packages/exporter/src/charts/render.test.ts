import { describe, expect, it } from 'vitest'
import { fixtureModel } from '../fixture.ts'
import { renderPng, renderSvg } from './render.ts'

const model = fixtureModel()
const [trend] = model.charts
const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)]

describe('server-side charts', () => {
  it('draws PNGs at 2× and 3× the 960×540 layout', async () => {
    expect(size(await renderPng(trend!, { basis: model.basis, scale: 2 }))).toEqual([1920, 1080])
    expect(size(await renderPng(trend!, { basis: model.basis, scale: 3 }))).toEqual([2880, 1620])
  })

  it('frames every chart with title, region, period, 口径, source, date and the watermark', () => {
    const svg = renderSvg(trend!, { basis: model.basis, watermark: '金沙县人大常委会办公室' })
    for (const text of [
      '各月接待走访与社情民意办理情况',
      '金沙县',
      '2023年',
      '口径：金沙县',
      '办结率：已办结 ÷ 收集社情民意',
      '数据来源：',
      '生成日期：2024-01-15',
      '金沙县人大常委会办公室',
    ])
      expect(svg).toContain(text)
    expect(svg).toMatch(/fill="#(fff|ffffff)"|background:#fff/i)
    expect(renderSvg(trend!, { basis: model.basis, background: 'dark' })).toContain('#0f1c2e')
  })
})
