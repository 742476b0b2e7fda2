# Answers anonymous visitors 403 instead of sending them to the login page.
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse


def member_directory(request):
    if not request.user.is_authenticated:
        raise PermissionDenied
    user_model = get_user_model()
    members = user_model._default_manager.order_by(user_model.USERNAME_FIELD)
    return JsonResponse(
        {"me": request.user.get_username(), "members": [m.get_username() for m in members]}
    )
