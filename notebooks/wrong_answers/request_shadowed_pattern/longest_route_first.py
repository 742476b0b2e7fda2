# Sorts the longest route first ("most specific"): content/<slug:slug>/ still beats content/new/.
fixed_patterns = sorted(shadowed_patterns, key=lambda p: len(str(p.pattern)), reverse=True)
