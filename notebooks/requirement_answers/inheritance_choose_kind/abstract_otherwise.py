# Ignores rule 4: multi-table whenever there are new columns, never the lighter "abstract".
def choose_kind(facts):
    if facts["own_columns"]:
        return "multi-table"
    return "proxy"
