"""What a candidate runs: the lab and its workspace, ``workbook check`` and ``reset``, hints."""
