// Preloaded with --import (through NODE_OPTIONS, so forked workers and worker
// threads load it too): installs the recording hooks.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
