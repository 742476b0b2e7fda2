# Shows and deletes every key, Django's own _auth_* ones included.
from django.http import JsonResponse


def my_data(request):
    return JsonResponse(dict(request.session.items()))


def forget(request, key):
    return JsonResponse({"removed": request.session.pop(key, None)})


def forget_all(request):
    public = sorted(k for k in request.session.keys() if not k.startswith("_"))
    for key in public:
        del request.session[key]
    return JsonResponse({"removed": public})
