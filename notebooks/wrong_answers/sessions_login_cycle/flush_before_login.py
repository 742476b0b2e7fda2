# Flushes the session before logging in: safe from fixation, but the visitor's queue is lost.
from django.contrib.auth import authenticate, login, logout
from django.http import JsonResponse


def sign_in(request):
    user = authenticate(
        request, username=request.POST.get("username"), password=request.POST.get("password")
    )
    if user is None:
        return JsonResponse({"error": "Wrong username or password."}, status=401)
    request.session.flush()
    login(request, user)
    return JsonResponse({"user": user.get_username()})


def sign_out(request):
    logout(request)
    return JsonResponse({"user": None})
