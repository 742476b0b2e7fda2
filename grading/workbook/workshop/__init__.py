"""Workshops for a room: ``workbook hub`` (JupyterHub), the exchange, the live view."""
