# Sorts in the database with values_list(); redirect_to_login() reads LOGIN_URL per request.
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse


def member_directory(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user_model = get_user_model()
    field = user_model.USERNAME_FIELD
    names = user_model._default_manager.order_by(field).values_list(field, flat=True)
    return JsonResponse({"me": request.user.get_username(), "members": list(names)})
