"""Use cases: the only code that calls both extractor/ and models/."""
