# forget_all calls session.clear(): it also removes Django's _auth_* keys and logs the user out.
from django.http import JsonResponse


def my_data(request):
    return JsonResponse({k: v for k, v in request.session.items() if not k.startswith("_")})


def forget(request, key):
    if key.startswith("_"):
        return JsonResponse({"removed": None})
    return JsonResponse({"removed": request.session.pop(key, None)})


def forget_all(request):
    public = sorted(k for k in request.session.keys() if not k.startswith("_"))
    request.session.clear()
    return JsonResponse({"removed": public})
