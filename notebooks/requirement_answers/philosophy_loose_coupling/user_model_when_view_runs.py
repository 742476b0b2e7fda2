# Looks the user model up once, when the cell runs: blind to the project's AUTH_USER_MODEL later.
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

UserModel = get_user_model()


@login_required
def member_directory(request):
    members = UserModel._default_manager.order_by(UserModel.USERNAME_FIELD)
    return JsonResponse(
        {"me": request.user.get_username(), "members": [m.get_username() for m in members]}
    )
