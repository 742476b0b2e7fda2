# Ignores "401 with {error: ...}": an empty 401 response.
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponse, JsonResponse


def sign_in(request):
    user = authenticate(
        request, username=request.POST.get("username"), password=request.POST.get("password")
    )
    if user is None:
        return HttpResponse(status=401)
    login(request, user)  # cycles the session key, keeps the data
    return JsonResponse({"user": user.get_username()})


def sign_out(request):
    logout(request)  # flushes: deletes the stored session, new key
    return JsonResponse({"user": None})
