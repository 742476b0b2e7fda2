# Believes a proxy can add fields to an existing model: shared model exists, so proxy.
def choose_kind(facts):
    if facts["shared_model_exists"] or not facts["own_columns"]:
        return "proxy"
    if facts["queried_together"]:
        return "multi-table"
    return "abstract"
