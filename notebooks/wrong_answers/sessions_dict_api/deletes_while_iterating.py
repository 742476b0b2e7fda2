# Deletes keys while iterating over the session: RuntimeError (dictionary changed size).
from django.http import JsonResponse


def my_data(request):
    return JsonResponse({k: v for k, v in request.session.items() if not k.startswith("_")})


def forget(request, key):
    if key.startswith("_"):
        return JsonResponse({"removed": None})
    return JsonResponse({"removed": request.session.pop(key, None)})


def forget_all(request):
    removed = []
    for key in request.session.keys():
        if not key.startswith("_"):
            removed.append(key)
            del request.session[key]
    return JsonResponse({"removed": sorted(removed)})
