// The interface in English: loaded when a user first picks English (i18n.ts).
import type { Messages } from './i18n.ts'

export const messages: Messages = {
  app: {
    title: 'Deputy Liaison Stations Dashboard',
    short: 'Dashboard',
    demoNote: 'Demo data is illustrative; all people are invented.',
  },
  link: {
    region: 'The link\'s region "{asked}" does not exist or is not yours to see; showing {shown}.',
    period: 'The link\'s period "{asked}" is not a period the dashboard knows; showing {shown}.',
    future: 'The link\'s period "{asked}" has not begun yet: the charts have no data.',
  },
  print: {
    line: '{module} · Basis: {region}, {period} · printed {day}',
  },
  filters: {
    yearLabel: 'Year',
    quarterLabel: 'Quarter',
    monthLabel: 'Month',
    region: 'Region',
    period: 'Period',
    kind: { year: 'Year', quarter: 'Quarter', month: 'Month', custom: 'Custom' },
    quarter: 'Q{n}',
    compare: 'Compare',
    yoy: 'YoY',
    mom: 'PoP',
    none: 'None',
    language: 'Language',
    theme: 'Dark',
    decal: 'Patterns',
    decalHint: 'Patterns on chart areas, for colour-blind readers and black-and-white print',
    bigScreen: 'Big screen',
    rotate: 'Rotate',
    from: 'From',
    to: 'To',
    notADay: '"{text}" is not a day of the calendar: the period is unchanged.',
    searchMore:
      'Many townships match: only those of {n} counties are listed. Pick a province or city first to list its counties first',
  },
  nav: { modules: 'Modules', home: 'All', breadcrumb: 'Breadcrumb' },
  user: { logout: 'Sign out', scope: 'Scope: {region}' },
  slot: {
    loading: 'Loading “{name}”…',
    failed: '“{name}” could not be loaded',
    retry: 'Retry',
    crashed: 'The module failed',
    explain:
      'This module is unavailable for now; the others keep working. Retry later or contact the administrator.',
    details: 'Technical details',
  },
  bigScreen: { exit: 'Exit big screen', refreshed: 'Last refresh' },
  report: {
    menu: 'Reports',
    busy: 'Generating…',
    docx: 'Word report',
    pptx: 'PPT deck',
    'docx-bundle': 'Word, one part per {area}',
    'pptx-bundle': 'PPT, slides per {area}',
    failed: 'Export failed: {message}',
  },
  imports: {
    link: 'Import',
  },
}
