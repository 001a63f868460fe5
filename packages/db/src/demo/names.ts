import type { OpinionCategory } from '../schema/enums.ts'
import type { Random } from './random.ts'

// Invented people: common surnames and given-name characters, never a real person.
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢'
const given = '文华建国明军平志伟红丽芳娟英秀敏静霞林强磊洋勇艳杰涛超辉刚燕玲海波兰云飞鹏斌春梅宇浩'

export function personName(rnd: Random): string {
  const name = rnd.pick([...surnames]) + rnd.pick([...given])
  return rnd.chance(0.7) ? name + rnd.pick([...given]) : name
}

export function phoneNumber(rnd: Random): string {
  return `1${rnd.pick(['3', '5', '7', '8'])}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`
}

/** What a register's 内容摘要 says, per category (no names: the demo holds no real personal data). */
export const opinionTopics: Record<OpinionCategory, string> = {
  roads: '通组路路面破损，雨天群众出行困难',
  water: '饮水管道老化，部分农户用水不稳定',
  irrigation: '灌溉沟渠淤塞，影响农田用水',
  sanitation: '垃圾收运不及时，环境卫生有待改善',
  health: '村卫生室药品不全，群众就医不便',
  elderly: '希望增设日间照料中心，方便老人就餐',
  education: '学校周边交通安全设施不足',
  social_security: '困难群众申请临时救助流程不清',
  employment: '希望组织技能培训，帮助就近就业',
  land: '山林地界存在争议，需协调确权',
  agriculture: '农产品销路不畅，希望搭建销售渠道',
  housing: '老旧房屋存在安全隐患，需排查改造',
  property: '小区物业服务不到位，公共设施失修',
  utilities: '电压不稳、通信信号弱，影响生产生活',
  safety: '夜间路灯不足，存在治安隐患',
  culture: '希望新建文体活动场地',
  services: '办事需多次往返，希望简化流程',
  disputes: '邻里纠纷需要调解',
  economy: '希望加大对小微企业的扶持力度',
  other: '其他意见建议',
}

export const categoryWeights: Record<OpinionCategory, number> = {
  roads: 16,
  water: 11,
  irrigation: 7,
  sanitation: 10,
  health: 5,
  elderly: 5,
  education: 5,
  social_security: 6,
  employment: 4,
  land: 5,
  agriculture: 6,
  housing: 5,
  property: 3,
  utilities: 4,
  safety: 2,
  culture: 3,
  services: 4,
  disputes: 3,
  economy: 2,
  other: 4,
}
