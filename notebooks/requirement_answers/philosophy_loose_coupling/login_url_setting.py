# Redirects anonymous visitors to a typed /accounts/login/, ignoring settings.LOGIN_URL.
from django.contrib.auth import get_user_model
from django.http import HttpResponseRedirect, JsonResponse


def member_directory(request):
    if not request.user.is_authenticated:
        return HttpResponseRedirect(f"/accounts/login/?next={request.path}")
    user_model = get_user_model()
    members = user_model._default_manager.order_by(user_model.USERNAME_FIELD)
    return JsonResponse(
        {"me": request.user.get_username(), "members": [m.get_username() for m in members]}
    )
