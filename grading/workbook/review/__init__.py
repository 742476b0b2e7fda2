"""What a grader reviews after grading: the report, tampering, look-alike answers, grading notes."""
