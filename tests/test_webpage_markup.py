"""What the markup stage cuts before the tree is built, and what it leaves to the tree."""

from __future__ import annotations

import gc

import pytest

from newsgen.webpage.markup import parse_page, paused_collector

PAGE = (
    '<html><head><title>Ferry fares</title></head><body><article class="story main">'
    "<p>The ferry operator raised its fares by a fifth on Monday, citing fuel costs.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_parsing_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with paused_collector():
            assert not gc.isenabled()
        parse_page(PAGE)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_class_values_stay_one_string() -> None:
    article = parse_page(PAGE).find("article")
    assert article is not None
    assert article.attrs["class"] == "story main"
