# Counts in a module-level variable: every browser (and every user) shares one count.
from django.http import JsonResponse

visits = 0


def visit_counter(request):
    global visits
    visits += 1
    return JsonResponse({"visits": visits})
