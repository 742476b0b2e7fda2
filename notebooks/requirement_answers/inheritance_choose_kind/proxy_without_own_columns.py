# Ignores rule 1: checks the multi-table rules first, so a proxy case can come out "multi-table".
def choose_kind(facts):
    if facts["queried_together"] or facts["shared_model_exists"]:
        return "multi-table"
    if facts["own_columns"]:
        return "abstract"
    return "proxy"
