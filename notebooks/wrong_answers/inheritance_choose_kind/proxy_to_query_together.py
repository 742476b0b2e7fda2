# Believes a proxy lets different models be queried together: queried together, so proxy.
def choose_kind(facts):
    if not facts["own_columns"] or facts["queried_together"]:
        return "proxy"
    if facts["shared_model_exists"]:
        return "multi-table"
    return "abstract"
