#!/usr/bin/env python3
"""A local web server for tests/test_fetch.c and bench/fetch.sh: every way a
web address can answer, on 127.0.0.1 only, with no internet.

    python3 tests/http_server.py PORT_FILE [DOCROOT]

Binds a free port on 127.0.0.1, writes its number to PORT_FILE, and serves
until its parent process goes away or ten minutes pass (a test that dies
never leaves it behind). Files under DOCROOT are served at /file/NAME,
typed by extension; the other paths are the cases below."""

import gzip
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.abspath(__file__))
DOCROOT = sys.argv[2] if len(sys.argv) > 2 else ROOT
LIFETIME = 600  # seconds: a bound, whatever happens to the test

# A short article whose title and body have accents, to be sent in Latin-1.
LATIN1_PAGE = """<!DOCTYPE html><html lang="fr"><head>{meta}<title>Un été au bord de l'eau</title></head>
<body><article><h1>Un été au bord de l'eau</h1>
<p>Il fait très chaud à Étretat, et la plage est pleine dès le matin : les baigneurs arrivent à pied,
à vélo ou en voiture, et les cafés du front de mer servent des glaces à la pistache.</p>
<p>Les sauveteurs surveillent la mer agitée, où le courant emporte parfois les nageurs imprudents.</p>
</article></body></html>"""
LATIN1_TEXT = ("Un été au bord de l'eau\n\nIl fait très chaud à Étretat, et la plage est "
               "pleine dès le matin : les baigneurs arrivent à pied ou à vélo.\n")
TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html", ".txt": "text/plain; charset=utf-8",
         ".png": "image/png", ".pdf": "application/pdf"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the test prints what matters
        pass

    def send(self, status, ctype, body, extra=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.startswith("/file/"):
            return self.serve_file(path[len("/file/"):])
        if path.startswith("/redirect/"):  # /redirect/N/NAME: N hops, then /file/NAME
            rest = path[len("/redirect/"):]
            n, _, name = rest.partition("/")
            target = "/file/%s" % name if int(n) <= 1 else "/redirect/%d/%s" % (int(n) - 1, name)
            return self.send(302, "text/html", b"moved", [("Location", target)])
        if path == "/slow":  # headers, then a body that takes 10 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(100):
                time.sleep(0.1)
                try:
                    self.wfile.write(b"<p>lent</p>")
                    self.wfile.flush()
                except OSError:
                    return
            return
        if path.startswith("/status/"):  # /status/404, /status/451
            code = int(path[len("/status/"):])
            return self.send(code, "text/html", b"<html><body><h1>Erreur</h1></body></html>")
        if path.startswith("/huge"):  # 8 MB of page, chunked (no length known up front)
            return self.serve_huge()
        if path == "/gzip":
            body = gzip.compress(self.read_doc("page.html"))
            return self.send(200, "text/html; charset=utf-8", body, [("Content-Encoding", "gzip")])
        if path == "/latin1-header":
            body = LATIN1_PAGE.format(meta="").encode("latin-1")
            return self.send(200, "text/html; charset=ISO-8859-1", body)
        if path == "/latin1-meta":
            body = LATIN1_PAGE.format(meta='<meta charset="iso-8859-1">').encode("latin-1")
            return self.send(200, "text/html", body)
        if path == "/latin1-text":
            return self.send(200, "text/plain; charset=iso-8859-1", LATIN1_TEXT.encode("latin-1"))
        if path == "/image.png":
            return self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        if path == "/doc.pdf":
            return self.send(200, "application/pdf", b"%PDF-1.4\n" + b"x" * 64)
        return self.send(404, "text/html", b"<html><body>Not here</body></html>")

    def read_doc(self, name):
        with open(os.path.join(DOCROOT, os.path.basename(name)), "rb") as f:
            return f.read()

    def serve_file(self, name):
        try:
            body = self.read_doc(name)
        except OSError:
            return self.send(404, "text/html", b"no such file")
        ext = os.path.splitext(name)[1]
        return self.send(200, TYPES.get(ext, "application/octet-stream"), body)

    def serve_huge(self):
        size = 8 << 20
        query = self.path.partition("?")[2]
        if query.startswith("bytes="):
            size = int(query[len("bytes="):])
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        head = (b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Le budget</title>'
                b'</head><body><article><h1>Le budget vot\xc3\xa9</h1>')
        para = (b"<p>Au conseil, les \xc3\xa9lus ont d\xc3\xa9battu du budget des \xc3\xa9coles, de la "
                b"piscine et des routes, sans trouver d'accord sur le calendrier des travaux.</p>\n")
        tail = b"</article></body></html>"
        sent = 0
        try:
            self.chunk(head)
            sent += len(head)
            block = para * 64
            while sent + len(block) + len(tail) <= size:
                self.chunk(block)
                sent += len(block)
            while sent + len(para) + len(tail) <= size:
                self.chunk(para)
                sent += len(para)
            self.chunk(tail)
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client gave up: what a size limit does

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


def watch_parent(parent):
    start = time.time()
    while os.getppid() == parent and time.time() - start < LIFETIME:
        time.sleep(0.5)
    os._exit(0)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
