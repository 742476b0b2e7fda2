# Reaches for multi-table inheritance whenever there are new columns: never "abstract".
def choose_kind(facts):
    if facts["own_columns"]:
        return "multi-table"
    return "proxy"
