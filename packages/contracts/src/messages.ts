// The API's messages are written "中文 / English" (apps/api/src/errors.ts): one place reads the reader's half.

/** The half of a "中文 / English" message in the reader's language ('en', else Chinese); one without the separator
 * as it is. */
export function inLanguage(message: string, language: string): string {
  const at = message.indexOf(' / ')
  if (at < 0) return message
  return language === 'en' ? message.slice(at + 3) : message.slice(0, at)
}
