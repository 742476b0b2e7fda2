# Ignores "return {removed: value}": returns the key instead of its value.
from django.http import JsonResponse


def my_data(request):
    return JsonResponse({k: v for k, v in request.session.items() if not k.startswith("_")})


def forget(request, key):
    if key.startswith("_"):
        return JsonResponse({"removed": None})
    value = request.session.pop(key, None)
    return JsonResponse({"removed": key if value is not None else None})


def forget_all(request):
    # A session has .keys() and .items() but no __iter__: `for k in request.session` fails.
    public = sorted(k for k in request.session.keys() if not k.startswith("_"))  # noqa: SIM118
    for k in public:
        del request.session[k]
    return JsonResponse({"removed": public})
