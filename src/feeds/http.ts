/**
 * HTTP for feeds and pages, done properly: Node's own fetch, http and https only, at most
 * 5 redirects (followed here: fetch's own limit is 20), a timeout that covers the body
 * too, a cap on the bytes read (streamed: a bigger response is stopped, not held),
 * conditional GET, compressed bodies, krant's own User-Agent, and at most 4 requests at
 * once, 2 per host.
 */

export const LIMITS = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  redirects: 5,
  total: 4,
  perHost: 2,
};

export interface GetOptions {
  accept: string;
  userAgent: string;
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export type GetResult =
  | { status: 'ok'; url: string; contentType: string; bytes: Uint8Array; etag: string; lastModified: string }
  | { status: 'not-modified' };

/** Why a request failed, in one short phrase; `gone` (410) and `later` (429/503) are told apart. */
export class HttpError extends Error {
  constructor(readonly what: string, readonly kind: 'gone' | 'later' | 'failed' = 'failed') {
    super(what);
  }
}

/** At most `total` tasks at once, and `perHost` per host. */
export class Limiter {
  private running = 0;
  private byHost = new Map<string, number>();
  private queue: Array<{ host: string; go: () => void }> = [];
  constructor(private total = LIMITS.total, private perHost = LIMITS.perHost) {}

  async run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    await new Promise<void>((go) => {
      this.queue.push({ host, go });
      this.next();
    });
    try {
      return await task();
    } finally {
      this.running--;
      this.byHost.set(host, (this.byHost.get(host) ?? 1) - 1);
      this.next();
    }
  }

  private next() {
    for (let i = 0; i < this.queue.length && this.running < this.total; ) {
      const { host, go } = this.queue[i]!;
      if ((this.byHost.get(host) ?? 0) >= this.perHost) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.running++;
      this.byHost.set(host, (this.byHost.get(host) ?? 0) + 1);
      go();
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function networkWords(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${seconds(timeoutMs)}`;
  const code = err.cause?.code ?? '';
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host not found (name lookup failed)',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_SOCKET: 'connection closed',
    CERT_HAS_EXPIRED: 'its certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'a self-signed certificate',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another name',
  };
  return words[code] ?? (err.cause?.message || err.message || 'request failed').replace(/\s+/g, ' ').slice(0, 100);
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** GET with everything above; throws HttpError with one phrase saying why. */
export async function get(url: string, o: GetOptions): Promise<GetResult> {
  const timeoutMs = o.timeoutMs ?? LIMITS.timeoutMs;
  const maxBytes = o.maxBytes ?? LIMITS.maxBytes;
  const signal = AbortSignal.timeout(timeoutMs);
  let at = url;
  for (let hop = 0; ; hop++) {
    const u = new URL(at);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new HttpError(`redirected to ${u.protocol.replace(':', '')}, not http(s)`);
    const headers: Record<string, string> = { 'user-agent': o.userAgent, accept: o.accept, 'accept-encoding': 'gzip, deflate, br' };
    if (hop === 0 && o.etag) headers['if-none-match'] = o.etag;
    if (hop === 0 && o.lastModified) headers['if-modified-since'] = o.lastModified;
    let res: Response;
    try {
      res = await fetch(at, { headers, redirect: 'manual', signal });
    } catch (e) {
      throw new HttpError(networkWords(e, timeoutMs));
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel().catch(() => {});
      const location = res.headers.get('location');
      if (!location) throw new HttpError(`HTTP ${res.status} without a Location`);
      if (hop >= LIMITS.redirects) throw new HttpError(`more than ${LIMITS.redirects} redirects`);
      at = new URL(location, at).href;
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel().catch(() => {});
      return { status: 'not-modified' };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      if (res.status === 410) throw new HttpError('HTTP 410 Gone: it is no more (krant remove it)', 'gone');
      if (res.status === 429 || res.status === 503) {
        const after = res.headers.get('retry-after');
        const wait = after && /^\d+$/.test(after.trim()) ? `${after.trim()} s` : after ? `until ${after.trim()}` : '';
        throw new HttpError(`HTTP ${res.status}: asked to wait${wait ? ` ${wait}` : ''}, skipped this time`, 'later');
      }
      throw new HttpError(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    }
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (length > maxBytes && !res.headers.get('content-encoding')) {
      await res.body?.cancel().catch(() => {});
      throw new HttpError(`response of ${mb(length)}, more than ${mb(maxBytes)}`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      const reader = res.body?.getReader();
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new HttpError(`response larger than ${mb(maxBytes)}, stopped`);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(networkWords(e, timeoutMs));
    }
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.byteLength;
    }
    return { status: 'ok', url: at, contentType: res.headers.get('content-type') ?? '', bytes, etag: res.headers.get('etag') ?? '', lastModified: res.headers.get('last-modified') ?? '' };
  }
}
