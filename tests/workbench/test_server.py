"""serve(): the kernel's project over real HTTP on 127.0.0.1, WSGI or ASGI, until stopped."""

import urllib.error
import urllib.request

import pytest

# Its tests share module-scoped kernels and run in order: keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("workbench_server")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode()


@pytest.mark.parametrize("asgi", [False, True], ids=["wsgi", "asgi"])
def test_serve_answers_real_http_and_stops(booted_kernel, asgi):
    kernel = booted_kernel
    kernel.run(
        f"""
        from catalog.models import Content
        from django.http import HttpResponse
        from django.urls import path
        Content.objects.filter(pk=Content.objects.filter(is_public=True).first().pk).update(
            title="Served from this kernel", published="2030-01-01T00:00Z"
        )
        def hello(request):
            return HttpResponse("hello from a cell")
        routes = sandbox.use_urls([path("hello/", hello)])
        server = sandbox.serve(asgi={asgi})
        """
    )
    url = kernel.eval("server.url")
    assert url.startswith("http://127.0.0.1:")
    status, body = fetch(url + "/")
    assert status == 200
    assert "Served from this kernel" in body  # the kernel's own database, not another
    assert fetch(url + "/hello/") == (200, "hello from a cell")
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(url + "/content/no-such-thing/")
    assert missing.value.code == 404
    kernel.run("server.stop()\nserver.stop()\nroutes.undo()\nsandbox.reset()")
    assert kernel.eval("repr(server)").endswith("(stopped)>")
    with pytest.raises(urllib.error.URLError):
        fetch(url + "/")


def test_serve_as_a_context_manager(booted_kernel):
    booted_kernel.run(
        """
        import urllib.request
        with sandbox.serve() as server:
            with urllib.request.urlopen(server.url + "/popular/") as response:
                status = response.status
        """
    )
    assert booted_kernel.eval("status") == 200
    assert booted_kernel.eval("repr(server)").endswith("(stopped)>")
