# Tells browsers apart by IP address: everyone behind one NAT or proxy shares a count.
from django.http import JsonResponse

counts = {}


def visit_counter(request):
    address = request.META.get("REMOTE_ADDR")
    counts[address] = counts.get(address, 0) + 1
    return JsonResponse({"visits": counts[address]})
