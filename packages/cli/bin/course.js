#!/usr/bin/env node
// The course is written in TypeScript and never compiled: tsx runs it as is.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
