"""Reading and NLP: bytes -> DocumentText -> Extraction. Never imports models/ or api/."""
