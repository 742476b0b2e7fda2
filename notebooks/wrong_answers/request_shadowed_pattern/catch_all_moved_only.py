# Moves only the catch-all to the end: content/new/ is still shadowed and the edit regex still open.
fixed_patterns = [p for p in shadowed_patterns if p.name != "flatpage"]
fixed_patterns += [p for p in shadowed_patterns if p.name == "flatpage"]
