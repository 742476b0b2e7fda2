# Lists members in whatever order the database returns them, not sorted by username.
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def member_directory(request):
    members = get_user_model()._default_manager.all()
    return JsonResponse(
        {"me": request.user.get_username(), "members": [m.get_username() for m in members]}
    )
