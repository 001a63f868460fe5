// The sign-in page's texts in both languages, merged into the app's messages when the page loads (LoginPage.vue):
// a signed-in user's first view does not carry them.
import { i18n } from './i18n.ts'

const zh = {
  title: '登录',
  username: '用户名',
  password: '密码',
  submit: '登录',
  failed: '登录失败：{message}',
  required: '请输入用户名和密码',
  wrong: '用户名或密码错误',
  tooMany: '尝试次数过多，请 15 分钟后再试',
  demoHint: '演示账号：demo-leader（县领导）、demo-township（乡镇人大主席）',
}

const en: typeof zh = {
  title: 'Sign in',
  username: 'User name',
  password: 'Password',
  submit: 'Sign in',
  failed: 'Sign-in failed: {message}',
  required: 'Enter your user name and password',
  wrong: 'Wrong user name or password',
  tooMany: 'Too many attempts: try again in 15 minutes',
  demoHint: 'Demo accounts: demo-leader (county leader), demo-township (township head)',
}

i18n.global.mergeLocaleMessage('zh-CN', { login: zh })
i18n.global.mergeLocaleMessage('en', { login: en })
