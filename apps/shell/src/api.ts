// The shell's own calls: session, regions, the module manifest and register imports. Modules fetch their data themselves.
// The contracts are used as types: the API answers with them, and zod stays out of the browser bundle.
import type {
  BoundaryProblem,
  BoundaryRefusedResponse,
  BoundaryResponse,
  BoundaryUploadResponse,
  ImportBatch,
  ImportProblem,
  ImportRefusedResponse as ImportRefused,
  ImportReportResponse as ImportReport,
  ModulesResponse,
  RegionsResponse,
  SessionResponse,
} from '@liaison/contracts'
import { readError, unauthorizedEvent } from '@liaison/ui'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A file refused by the importer (422): every problem by sheet, row and column. */
export class ImportRefusedError extends ApiError {
  constructor(
    readonly errors: ImportProblem[],
    readonly warnings: ImportProblem[],
  ) {
    super(422, 'refused')
  }
}

/** A boundary file refused (422): every feature that does not match, nothing stored. */
export class BoundaryRefusedError extends ApiError {
  constructor(readonly errors: BoundaryProblem[]) {
    super(422, 'refused')
  }
}

// Restoring a session asks for the user, regions and modules at once; only a 401 after sign-in means "expired".
const quietPaths = ['/auth/login', '/auth/me', '/regions', '/modules']
const signalUnauthorized = (status: number, path: string) => {
  if (status === 401 && !quietPaths.includes(path)) {
    window.dispatchEvent(new Event(unauthorizedEvent))
  }
}

async function call<T>(path: string, init: RequestInit = {}, csrf?: string): Promise<T> {
  const headers = new Headers(init.headers)
  if (init.body) headers.set('content-type', 'application/json')
  if (csrf) headers.set('x-csrf-token', csrf)
  const response = await fetch(`/api/v1${path}`, { ...init, headers, credentials: 'same-origin' })
  signalUnauthorized(response.status, path)
  if (!response.ok) throw new ApiError(response.status, await readError(response))
  return (await response.json()) as T
}

export interface UploadProgress {
  /** Bytes sent so far and in all; `done` once the body is sent and the server is working on it. */
  loaded: number
  total: number
  done: boolean
}

/**
 * POST a multipart form through XMLHttpRequest, the one browser API that reports upload progress.
 * Same rules as `call`: the session cookie, the CSRF token, the API's error message on failure.
 */
function upload<T>(
  path: string,
  form: FormData,
  csrf: string,
  onProgress: (progress: UploadProgress) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1${path}`)
    xhr.withCredentials = true
    xhr.setRequestHeader('x-csrf-token', csrf)
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0, done: false })
    xhr.upload.onload = () => onProgress({ loaded: 1, total: 1, done: true })
    xhr.onerror = () => reject(new ApiError(0, '网络错误，请检查连接后重试 / Network error, please retry'))
    xhr.onabort = () => reject(new ApiError(0, '上传已取消 / Upload cancelled'))
    xhr.onload = () => {
      signalUnauthorized(xhr.status, path)
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      })
      if (xhr.status >= 200 && xhr.status < 300) {
        response.json().then((body) => resolve(body as T), reject)
      } else if (xhr.status === 422) {
        response.json().then(
          (body: ImportRefused) => reject(new ImportRefusedError(body.errors ?? [], body.warnings ?? [])),
          () => reject(new ApiError(422, `HTTP 422`)),
        )
      } else {
        readError(response).then((message) => reject(new ApiError(xhr.status, message)))
      }
    }
    xhr.send(form)
  })
}

/** PUT a county's boundary file (multipart, small enough to need no progress bar). */
async function putBoundary(county: string, file: File, csrf: string): Promise<BoundaryUploadResponse> {
  const path = `/regions/${county}/boundary`
  const form = new FormData()
  form.set('file', file)
  const response = await fetch(`/api/v1${path}`, {
    method: 'PUT',
    body: form,
    headers: { 'x-csrf-token': csrf },
    credentials: 'same-origin',
  })
  signalUnauthorized(response.status, path)
  if (response.status === 422)
    throw new BoundaryRefusedError(((await response.json()) as BoundaryRefusedResponse).errors)
  if (!response.ok) throw new ApiError(response.status, await readError(response))
  return (await response.json()) as BoundaryUploadResponse
}

export interface ImportUpload {
  file: File
  county: string
  kind?: string | undefined
  dryRun: boolean
}

export const api = {
  me: () => call<SessionResponse>('/auth/me'),
  login: (username: string, password: string) =>
    call<SessionResponse>('/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) }),
  logout: (csrf: string) => call<unknown>('/auth/logout', { method: 'POST' }, csrf),
  regions: () => call<RegionsResponse>('/regions'),
  /** One county with its townships: above a county the tree stops at the counties. */
  countyTownships: (county: string) => call<RegionsResponse>(`/regions?within=${county}`),
  searchTownships: (text: string, near: string) =>
    call<RegionsResponse>(`/regions?${new URLSearchParams({ search: text, near })}`),
  modules: () => call<ModulesResponse>('/modules'),
  importFile: (request: ImportUpload, csrf: string, onProgress: (progress: UploadProgress) => void) => {
    const form = new FormData()
    form.set('file', request.file)
    form.set('county', request.county)
    if (request.kind) form.set('kind', request.kind)
    form.set('dryRun', String(request.dryRun))
    return upload<ImportReport>('/imports', form, csrf, onProgress)
  },
  imports: () => call<{ batches: ImportBatch[] }>('/imports'),
  rollbackImport: (id: number, csrf: string) =>
    call<unknown>(`/imports/${id}/rollback`, { method: 'POST' }, csrf),
  templateUrl: (kind: string) => `/api/v1/imports/templates/${kind}.xlsx`,
  boundary: (county: string) => call<BoundaryResponse>(`/regions/${county}/boundary`),
  uploadBoundary: putBoundary,
  deleteBoundary: (county: string, csrf: string) =>
    call<unknown>(`/regions/${county}/boundary`, { method: 'DELETE' }, csrf),
}
