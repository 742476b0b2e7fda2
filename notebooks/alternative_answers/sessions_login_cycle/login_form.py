# Checks the credentials with Django's AuthenticationForm, then login(); logout() to sign out.
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import JsonResponse


def sign_in(request):
    form = AuthenticationForm(request, data=request.POST)
    if not form.is_valid():
        return JsonResponse({"error": form.errors.get_json_data()}, status=401)
    login(request, form.get_user())
    return JsonResponse({"user": form.get_user().get_username()})


def sign_out(request):
    logout(request)
    return JsonResponse({"user": None})
