/**
 * A local HTTP server for the feed tests, on 127.0.0.1 and a free port: the fixtures in
 * test/fixtures/feeds in the shapes Dutch sources use, and every way a feed goes wrong.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

const FIXTURES = new URL('../fixtures/feeds/', import.meta.url);
const fixture = (name: string) => fs.readFileSync(new URL(name, FIXTURES));

export interface FeedServer {
  base: string;
  /** Requests seen, as `METHOD path`, with the headers of each. */
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, base: string) => void;

const xml = (res: http.ServerResponse, body: string | Buffer, type = 'application/rss+xml; charset=utf-8') => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

const rss = (items: string, title = 'Kapotte Krant') => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://kapot.example/</link>${items}</channel></rss>`;
const para = (n: number) => Array.from({ length: n }, (_, i) => `<p>Alinea ${i + 1}: volgens de politie zijn er ${i + 10} mensen aangehouden bij de rellen in het centrum van de stad.</p>`).join('');

export const ROUTES: Record<string, Route> = {
  '/nos.xml': (_q, res, base) => xml(res, fixture('nos-rss.xml').toString('utf8').replace('<link>/artikel/1-almaty</link>', `<link>${base}/artikel/1-almaty</link>`)),
  '/rtl/feed.atom': (_q, res, base) => xml(res, fixture('rtl-atom.xml').toString('utf8').replace('http://HOST', base), 'application/atom+xml'),
  '/rtl/pagina/woningbouw': (_q, res) => xml(res, fixture('woningbouw.html'), 'text/html; charset=utf-8'),
  '/west.json': (_q, res) => xml(res, fixture('feed.json'), 'application/feed+json'),
  '/dvhn.xml': (_q, res) => xml(res, fixture('cp1252.xml'), 'application/xml'),
  '/gzip.xml': (req, res) => {
    const body = zlib.gzipSync(fixture('nos-rss.xml'));
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    res.end(body);
  },
  '/etag.xml': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
    res.end(rss(`<item><title>Eén keer</title><link>https://kapot.example/een</link><guid>een</guid><pubDate>Mon, 03 Mar 2025 08:00:00 +0100</pubDate><description><![CDATA[${para(3)}]]></description></item>`, 'Etag Nieuws'));
  },
  // a site's page that announces two feeds, and one that is an article and announces none
  '/site': (_q, res) => xml(res, `<!doctype html><html><head><title>Site</title><link rel="alternate" type="application/rss+xml" title="Algemeen" href="/nos.xml"><link rel="alternate" type="application/json" title="West" href="/west.json"></head><body><p>Welkom</p></body></html>`, 'text/html'),
  '/los-artikel': (_q, res) => xml(res, fixture('woningbouw.html'), 'text/html; charset=utf-8'),
  '/geen-artikel': (_q, res) => xml(res, '<!doctype html><html><head><title>Index</title></head><body><nav><a href="/">Home</a></nav><p>Niets.</p></body></html>', 'text/html'),
  // failures
  '/malformed.xml': (_q, res) => xml(res, '<?xml version="1.0"?><rss><channel><title>Kapot</ti'),
  '/html-as-feed.xml': (_q, res) => xml(res, '<!doctype html><html><head><title>Oeps</title></head><body>Geen feed</body></html>'),
  '/empty.xml': (_q, res) => xml(res, ''),
  '/redirect-loop': (_q, res) => {
    res.writeHead(302, { location: '/redirect-loop-2' });
    res.end();
  },
  '/redirect-loop-2': (_q, res) => {
    res.writeHead(302, { location: '/redirect-loop' });
    res.end();
  },
  '/redirect-file': (_q, res) => {
    res.writeHead(301, { location: 'file:///etc/passwd' });
    res.end();
  },
  '/moved.xml': (_q, res) => {
    res.writeHead(301, { location: '/west.json' });
    res.end();
  },
  '/huge.xml': (_q, res) => {
    // 50 MB, streamed: the client must stop reading, not hold it
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const more = () => {
      while (sent < 50) {
        sent++;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => {});
    more();
  },
  '/gone.xml': (_q, res) => {
    res.writeHead(410);
    res.end('gone');
  },
  '/busy.xml': (_q, res) => {
    res.writeHead(429, { 'retry-after': '120' });
    res.end();
  },
  '/slow.xml': (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss><channel>');
    // never ends: the timeout must cover the body
  },
  '/no-link-no-date.xml': (_q, res) => xml(res, rss(`<item><title>Zonder link</title><description><![CDATA[${para(3)}]]></description></item><item><description><![CDATA[<p>Alleen tekst, geen titel en geen link, maar wel een volledig verhaal over de gemeenteraad die gisteren 12 besluiten nam.</p>${para(2)}]]></description></item>`)),
  '/hostile.xml': (_q, res) => xml(res, rss(`<item><title>Rood \x1b[31mgevaar\x1b[0m \x07 en ../../etc/passwd</title><link>https://kapot.example/rood</link><guid>rood</guid><description><![CDATA[<p>Tekst met \x1b]0;titel\x07 escape en \x00 nul.</p>${para(2)}]]></description></item><item><title>../../../ontsnapt</title><link>https://kapot.example/weg</link><description><![CDATA[${para(3)}]]></description></item><item><title>CON</title><link>https://kapot.example/con</link><description><![CDATA[${para(3)}]]></description></item><item><title>${'Heel lang '.repeat(60)}</title><link>https://kapot.example/lang</link><description><![CDATA[${para(3)}]]></description></item><item><title>Dubbel</title><link>https://kapot.example/dubbel-1</link><description><![CDATA[${para(3)}]]></description></item><item><title>Dubbel</title><link>https://kapot.example/dubbel-2</link><description><![CDATA[${para(3)}]]></description></item>`, 'Vijandig \x1b[2J Nieuws')),
  '/unterminated-cdata.xml': (_q, res) => xml(res, rss(`<item><title>Eerste</title><link>https://kapot.example/eerste</link><description><![CDATA[${para(3)}</description></item><item><title>Tweede</title><link>https://kapot.example/tweede</link><description><![CDATA[${para(3)}]]></description></item>`)),
  '/bare-amp.xml': (_q, res) => xml(res, rss(`<item><title>Rock & roll in Ahoy</title><link>https://kapot.example/rock?a=1&b=2</link><description>${para(3).replace(/</g, '&lt;').replace(/>/g, '&gt;')}</description></item>`)),
};

/** A key and a certificate of its own for 127.0.0.1 (made by openssl), the certificate also as a file; null without openssl. */
export function selfSignedCert(): { key: Buffer; cert: Buffer; certFile: string } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'krant-cert-'));
  const key = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) return null;
  return { key: fs.readFileSync(key), cert: fs.readFileSync(certFile), certFile };
}

/** With `tls`, the server speaks HTTPS with that key and certificate. */
export async function startFeedServer(routes: Record<string, Route> = ROUTES, tls?: { key: Buffer; cert: Buffer }): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  let base = '';
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('niet gevonden');
    }
    route(req, res, base);
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
