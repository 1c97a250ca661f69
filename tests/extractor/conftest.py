"""The NLP pipelines the extractor tests run on, built once per module."""
from __future__ import annotations

import pytest

from extractor.nlp.pipeline import get_pipeline


@pytest.fixture(scope="module")
def nlp_id():
    return get_pipeline("id")


@pytest.fixture(scope="module")
def nlp_en():
    return get_pipeline("en")
