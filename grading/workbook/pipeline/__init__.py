"""The grading pipeline: release, collect, autograde (worker pool and workers), gradebook merge,
feedback, export and the one-command ``workbook grade``."""
