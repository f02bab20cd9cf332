#!/usr/bin/env python3
"""Drives the reader in a real pseudo-terminal for the benchmark; prints one JSON object.

  ptydrive.py first-frame --marker TEXT [--runs N] -- CMD...
      median ms until TEXT shows (ANSI stripped), and until the first key is answered
      (`j` sent once the marker shows; answered = the selection moved to the second row)
  ptydrive.py session --ready TEXT -- CMD...
      waits for TEXT, then times keys to the next frame in the list and in an article,
      live-search keystrokes, and reads the reader's peak RSS (VmHWM) and its sync child's
"""
import argparse, fcntl, json, os, pty, re, select, signal, statistics, struct, sys, termios, time

ANSI = re.compile(rb'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]')


class Term:
    def __init__(self, cmd, cols, rows, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(env)
            os.environ['TERM'] = 'xterm-256color'
            os.execvp(cmd[0], cmd)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
        self.buf = b''
        self.t0 = time.monotonic()

    def read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return b''
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return b''
        self.buf += chunk
        return chunk

    def wait_for(self, marker, timeout=60, since=0):
        end = time.monotonic() + timeout
        m = marker.encode()
        while time.monotonic() < end:
            self.read(0.005)
            if m in ANSI.sub(b'', self.buf[since:]).replace(b'\r', b'').replace(b'\n', b''):
                return (time.monotonic() - self.t0) * 1000
        return None

    def key_to_frame(self, key, quiet=0.01, timeout=2):
        """ms from writing the key to the first output byte, and to the end of the frame (no output for `quiet` s)."""
        while self.read(0.02):
            pass
        t = time.monotonic()
        os.write(self.fd, key)
        first = None
        end = t + timeout
        while time.monotonic() < end:
            chunk = self.read(quiet if first else 0.05)
            if chunk:
                if first is None:
                    first = time.monotonic()
                last = time.monotonic()
            elif first is not None:
                break
        if first is None:
            return None, None
        return (first - t) * 1000, (last - t) * 1000

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        end = time.monotonic() + 3
        while time.monotonic() < end:
            p, _ = os.waitpid(self.pid, os.WNOHANG)
            if p:
                break
            self.read(0.02)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def header(t):
    """The last header line drawn."""
    text = ANSI.sub(b'', t.buf[-20000:]).decode('utf-8', 'replace').replace('\r', '')
    at = text.rfind('krant ·')
    return text[at:].split('\n', 1)[0] if at >= 0 else ''


def syncing(t):
    h = header(t)
    return not h or any(w in h for w in ('checking the folder', 'indexing', 'scanning'))


def wait_synced(t, timeout):
    """Until the background sync has finished (the header no longer says so), then a moment more."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        t.read(0.05)
        if not syncing(t):
            break
    time.sleep(0.3)


def hwm_mb(pid):
    try:
        for line in open(f'/proc/{pid}/status'):
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024
    except OSError:
        return None


def children(pid):
    try:
        return [int(p) for p in open(f'/proc/{pid}/task/{pid}/children').read().split()]
    except OSError:
        return []


def first_frame(a, env):
    frames, keys = [], []
    for _ in range(a.runs):
        t = Term(a.cmd, a.cols, a.rows, env)
        ms = t.wait_for(a.marker, 30)
        frames.append(ms)
        if ms is not None and not a.no_key:
            sent = time.monotonic()
            os.write(t.fd, b'j')
            mark = len(t.buf)
            # answered: a frame drawn after the key whose second row carries the selection marker
            end = time.monotonic() + 10
            answered = None
            while time.monotonic() < end and answered is None:
                t.read(0.005)
                text = ANSI.sub(b'', t.buf[mark:]).decode('utf-8', 'replace').replace('\r', '')
                at = text.rfind('krant ·')
                lines = text[at:].split('\n') if at >= 0 else []
                if len(lines) > 2 and lines[2].startswith('▸'):
                    answered = (time.monotonic() - t.t0) * 1000
            keys.append(answered)
        t.close()
    ok = [f for f in frames if f is not None]
    ans = [k for k in keys if k is not None]
    return {'first_frame_ms': statistics.median(ok) if ok else None, 'first_key_answered_ms': statistics.median(ans) if ans else None, 'runs': a.runs}


def session(a, env):
    t = Term(a.cmd, a.cols, a.rows, env)
    out = {'ready_ms': t.wait_for(a.ready, 120)}
    wait_synced(t, 600)

    def keys(seq, n):
        firsts, ends = [], []
        for i in range(n):
            f, e = t.key_to_frame(seq[i % len(seq)])
            if f is not None:
                firsts.append(f); ends.append(e)
            time.sleep(0.03)
        return {'first_byte_ms': round(statistics.median(firsts), 1) if firsts else None,
                'frame_ms': round(statistics.median(ends), 1) if ends else None, 'keys': n}

    out['list_keys'] = keys([b'j', b'j', b'k', b'\x1b[6~', b'\x1b[5~'], 30)
    # reading state: toggling read on the selected article (written, counted, drawn)
    out['read_keys'] = keys([b'm'], 20)
    # the unread view's first page: v from the whole list (then v, v back to it)
    views = []
    for i in range(5):
        f, e = t.key_to_frame(b'v', quiet=0.03)
        if e is not None:
            views.append(e)
        t.key_to_frame(b'v', quiet=0.03)
        t.key_to_frame(b'v', quiet=0.03)
    out['unread_view_ms'] = round(statistics.median(views), 1) if views else None
    out['search_keys'] = None
    t.key_to_frame(b'/')
    out['search_keys'] = keys([b'p', b'o', b'l', b'i', b't', b'\x7f', b'\x7f', b'\x7f', b'\x7f', b'\x7f'], 20)
    t.key_to_frame(b'\x1b')
    # the hits of a whole word: from its last letter typed to the header that counts them
    t.key_to_frame(b'\x1b')
    t.key_to_frame(b'/')
    for c in a.word[:-1]:
        t.key_to_frame(c.encode())
    mark = len(t.buf)
    sent = time.monotonic()
    os.write(t.fd, a.word[-1].encode())
    shown = t.wait_for(f'hits for "{a.word}"', 30, since=mark)
    out['search_results_ms'] = round(shown - (sent - t.t0) * 1000, 1) if shown else None
    t.key_to_frame(b'\r')
    time.sleep(0.3)
    out['article_keys'] = keys([b'j', b'j', b'k', b' ', b'b'], 30)
    out['reader_peak_rss_mb'] = hwm_mb(t.pid)
    kids = children(t.pid)
    out['sync_child_peak_rss_mb'] = max([hwm_mb(k) or 0 for k in kids], default=None)
    os.write(t.fd, b'q')
    time.sleep(0.2)
    os.write(t.fd, b'q')
    t.close()
    return out


def fetch_keys(a, env):
    """List keys while the reader's R fetch runs: key to frame, and whether the fetch still ran after the last key."""
    t = Term(a.cmd, a.cols, a.rows, env)
    t.wait_for(a.ready, 120)
    wait_synced(t, 60)
    os.write(t.fd, b'R')
    t.wait_for('fetching feeds', 30, since=len(t.buf))
    firsts, ends = [], []
    seq = [b'j', b'k']
    for i in range(30):
        f, e = t.key_to_frame(seq[i % 2])
        if f is not None:
            firsts.append(f); ends.append(e)
        time.sleep(0.03)
    running = 'fetching feeds' in header(t)
    os.write(t.fd, b'q')
    time.sleep(0.2)
    t.close()
    return {'first_byte_ms': round(statistics.median(firsts), 1) if firsts else None,
            'frame_ms': round(statistics.median(ends), 1) if ends else None, 'keys': len(ends), 'fetch_running_after': running}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode', choices=['first-frame', 'session', 'fetch-keys'])
    ap.add_argument('--cols', type=int, default=100)
    ap.add_argument('--rows', type=int, default=30)
    ap.add_argument('--marker', default='')
    ap.add_argument('--ready', default='')
    ap.add_argument('--word', default='politie')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--no-key', action='store_true', help='first frame only (another program than krant)')
    ap.add_argument('--env', action='append', default=[])
    argv = sys.argv[1:]
    cut = argv.index('--') if '--' in argv else len(argv)
    a = ap.parse_args(argv[:cut])
    a.cmd = argv[cut + 1:]
    env = dict(e.split('=', 1) for e in a.env)
    run = {'first-frame': first_frame, 'session': session, 'fetch-keys': fetch_keys}[a.mode]
    print(json.dumps(run(a, env)))


if __name__ == '__main__':
    main()
