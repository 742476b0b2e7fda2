# Another correct answer: list() snapshot of the keys, try/except KeyError for forget.
from django.http import JsonResponse


def my_data(request):
    data = {}
    for key in request.session.keys():  # noqa: SIM118 (a session has no __iter__)
        if key[:1] != "_":
            data[key] = request.session[key]
    return JsonResponse(data)


def forget(request, key):
    if key.startswith("_"):
        return JsonResponse({"removed": None})
    try:
        value = request.session[key]
    except KeyError:
        return JsonResponse({"removed": None})
    del request.session[key]
    return JsonResponse({"removed": value})


def forget_all(request):
    removed = [key for key in list(request.session.keys()) if not key.startswith("_")]
    for key in removed:
        request.session.pop(key)
    return JsonResponse({"removed": sorted(removed)})
