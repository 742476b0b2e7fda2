# Signs out by deleting _auth_user_id: logged out, but the same session key lives on in the store.
from django.contrib.auth import authenticate, login
from django.http import JsonResponse


def sign_in(request):
    user = authenticate(
        request, username=request.POST.get("username"), password=request.POST.get("password")
    )
    if user is None:
        return JsonResponse({"error": "Wrong username or password."}, status=401)
    login(request, user)
    return JsonResponse({"user": user.get_username()})


def sign_out(request):
    request.session.pop("_auth_user_id", None)
    return JsonResponse({"user": None})
