# Every combination written out, keyed by the three facts in a fixed order.
KINDS = {
    (False, False, False): "proxy",
    (False, False, True): "proxy",
    (False, True, False): "proxy",
    (False, True, True): "proxy",
    (True, False, False): "abstract",
    (True, False, True): "multi-table",
    (True, True, False): "multi-table",
    (True, True, True): "multi-table",
}


def choose_kind(facts):
    key = (facts["own_columns"], facts["queried_together"], facts["shared_model_exists"])
    return KINDS[key]
