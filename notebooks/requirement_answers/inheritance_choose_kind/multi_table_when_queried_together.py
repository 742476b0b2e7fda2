# Ignores rule 2: variants queried together but with no shared rows get an abstract base.
def choose_kind(facts):
    if not facts["own_columns"]:
        return "proxy"
    if facts["shared_model_exists"]:
        return "multi-table"
    return "abstract"
