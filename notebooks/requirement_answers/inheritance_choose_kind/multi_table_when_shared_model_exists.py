# Ignores rule 3: new columns on an existing concrete model get an abstract base.
def choose_kind(facts):
    if not facts["own_columns"]:
        return "proxy"
    if facts["queried_together"]:
        return "multi-table"
    return "abstract"
