"""Models written in notebook cells use ``app_label = "playground"``; none live here."""
