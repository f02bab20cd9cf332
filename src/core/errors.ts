/**
 * An error meant for the user: said in one line (what, and where), exiting with its own
 * code, never with a stack trace. Known by its fields, not its class, because the reader
 * and the command line are separate bundles with a class each.
 */

export class KrantError extends Error {
  constructor(readonly what: string, readonly exitCode: number, readonly where?: string) {
    super(where ? `${what} (${where})` : what);
  }
}

export function isKrantError(e: unknown): e is KrantError {
  const k = e as Partial<KrantError> | null;
  return e instanceof Error && typeof k?.exitCode === 'number' && typeof k.what === 'string';
}
