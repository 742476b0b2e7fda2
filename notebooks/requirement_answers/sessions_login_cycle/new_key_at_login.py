# Ignores "a new key at login": keeps the key by disabling cycle_key() on this session.
from django.contrib.auth import authenticate, login, logout
from django.http import JsonResponse


def sign_in(request):
    user = authenticate(
        request, username=request.POST.get("username"), password=request.POST.get("password")
    )
    if user is None:
        return JsonResponse({"error": "Wrong username or password."}, status=401)
    request.session.cycle_key = lambda: None  # keeps the planted key: fixation
    login(request, user)
    return JsonResponse({"user": user.get_username()})


def sign_out(request):
    logout(request)  # flushes: deletes the stored session, new key
    return JsonResponse({"user": None})
