# Uses `.objects`: fails for a user model whose manager has another name.
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def member_directory(request):
    user_model = get_user_model()
    members = user_model.objects.order_by(user_model.USERNAME_FIELD)
    return JsonResponse(
        {"me": request.user.get_username(), "members": [m.get_username() for m in members]}
    )
