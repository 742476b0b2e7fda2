# Ignores "null when there was no such entry": pops without a default (KeyError, 500).
from django.http import JsonResponse


def my_data(request):
    return JsonResponse({k: v for k, v in request.session.items() if not k.startswith("_")})


def forget(request, key):
    if key.startswith("_"):
        return JsonResponse({"removed": None})
    return JsonResponse({"removed": request.session.pop(key)})


def forget_all(request):
    # A session has .keys() and .items() but no __iter__: `for k in request.session` fails.
    public = sorted(k for k in request.session.keys() if not k.startswith("_"))  # noqa: SIM118
    for k in public:
        del request.session[k]
    return JsonResponse({"removed": public})
