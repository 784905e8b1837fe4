/** Bounds on everything a client controls. Larger values get 400 or 413. */
export const LIMITS = {
  /** Longest simulated wait of `GET /io?ms=N`. */
  maxWaitMs: 10_000,
  /** Most CPU units of `GET /cpu?n=N`. */
  maxCpuUnits: 2_000,
  /** Largest request body, for `POST /echo` and for every parser. */
  maxBodyBytes: 64 * 1024,
  /** Largest request line plus headers, as nginx's default large buffers. */
  maxHeaderBytes: 8 * 1024,
} as const
