"""Serve the sandbox over real HTTP on 127.0.0.1, in a thread of this kernel."""

import socket
import threading

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

HOST = "127.0.0.1"


class Server:
    """A running server: ``url`` to reach it, ``stop()`` (or the end of ``with``) to end it."""

    def __init__(self, url, stop):
        self.url = url
        self._stop = stop

    def stop(self):
        """Stop serving (harmless if already stopped)."""
        if self._stop is not None:
            self._stop()
            self._stop = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def __repr__(self):
        return f"<Server {self.url} ({'running' if self._stop else 'stopped'})>"


def serve(asgi=False):
    """Start serving the project; WSGI through Django's live-server thread, ASGI with uvicorn."""
    return _serve_asgi() if asgi else _serve_wsgi()


def _serve_wsgi():
    thread = LiveServerThread(HOST, StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return Server(f"http://{HOST}:{thread.port}", thread.terminate)


def _serve_asgi():
    import uvicorn
    from django.core.asgi import get_asgi_application

    sock = socket.socket()
    sock.bind((HOST, 0))
    config = uvicorn.Config(get_asgi_application(), lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.01)
    if not server.started:
        raise RuntimeError("The ASGI server did not start; see the messages above.")

    def stop():
        server.should_exit = True
        thread.join()
        sock.close()

    return Server(f"http://{HOST}:{sock.getsockname()[1]}", stop)
