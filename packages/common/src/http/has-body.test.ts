import { describe, expect, it } from 'vitest'
import { hasBody } from './has-body.ts'

describe('hasBody', () => {
  it('says a request with Content-Length has a body, even an empty one', () => {
    expect(hasBody({ 'content-length': '0' })).toBe(true)
  })

  it('says a chunked request has a body', () => {
    expect(hasBody({ 'transfer-encoding': 'chunked' })).toBe(true)
  })

  it('says a request with neither header has none', () => {
    expect(hasBody({ host: 'x', accept: '*/*' })).toBe(false)
  })
})
