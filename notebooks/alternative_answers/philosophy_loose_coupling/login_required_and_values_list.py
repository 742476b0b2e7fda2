# @login_required (reads LOGIN_URL per request); sorts in the database with values_list().
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def member_directory(request):
    user_model = get_user_model()
    field = user_model.USERNAME_FIELD
    names = user_model._default_manager.order_by(field).values_list(field, flat=True)
    return JsonResponse({"me": request.user.get_username(), "members": list(names)})
