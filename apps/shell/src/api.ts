// The shell's own calls: session, regions and the module manifest. Modules fetch their data themselves.
// The contracts are used as types: the API answers with them, and zod stays out of the browser bundle.
import type { ModulesResponse, RegionsResponse, SessionResponse } from '@liaison/contracts'
import { readError, unauthorizedEvent } from '@liaison/ui'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function call<T>(path: string, init: RequestInit = {}, csrf?: string): Promise<T> {
  const headers = new Headers(init.headers)
  if (init.body) headers.set('content-type', 'application/json')
  if (csrf) headers.set('x-csrf-token', csrf)
  const response = await fetch(`/api/v1${path}`, { ...init, headers, credentials: 'same-origin' })
  if (response.status === 401 && path !== '/auth/login' && path !== '/auth/me') {
    window.dispatchEvent(new Event(unauthorizedEvent))
  }
  if (!response.ok) throw new ApiError(response.status, await readError(response))
  return (await response.json()) as T
}

export const api = {
  me: () => call<SessionResponse>('/auth/me'),
  login: (username: string, password: string) =>
    call<SessionResponse>('/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) }),
  logout: (csrf: string) => call<unknown>('/auth/logout', { method: 'POST' }, csrf),
  regions: () => call<RegionsResponse>('/regions'),
  modules: () => call<ModulesResponse>('/modules'),
}
