"""The grader's toolkit: build candidate notebooks, import submissions, grade and report."""
