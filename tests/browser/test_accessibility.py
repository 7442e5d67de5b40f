"""axe-core in Chromium: no serious or critical accessibility violation on any kind of page."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import Tab

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")

# (kind of page, the address to open, the link on that page that leads to it or None)
PAGES = [
    ("home", "", None),
    ("article", "", ".cards .card-headline a"),
    ("speaker", "speakers/", ".index-table tbody th a"),
    ("speakers index", "speakers/", None),
    ("tag", "tags/", "main a[href*='tags/']"),
    ("tags index", "tags/", None),
    ("archive", "archive/", None),
    ("sourcing", "sourcing/", None),
    ("search", "search/", None),
    ("404", "no/such/page/", None),
]

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html,
                              summary: n.failureSummary})),
  }));
}"""


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"  at {node['target']}: {node['html'][:200]}")
            lines.extend(f"    {line}" for line in (node["summary"] or "").splitlines())
    return "\n".join(lines)


def run_axe(tab: Tab, axe_script: str) -> list[dict[str, Any]]:
    tab.page.add_script_tag(content=axe_script)
    violations: list[dict[str, Any]] = tab.page.evaluate(RUN_AXE)
    return [v for v in violations if v["impact"] in BLOCKING]


@pytest.mark.parametrize(
    ("address", "follow"), [pytest.param(a, f, id=kind) for kind, a, f in PAGES]
)
def test_no_serious_violations(tab: Tab, axe_script: str, address: str, follow: str | None) -> None:
    tab.visit(address, status=404 if address.startswith("no/") else 200)
    if follow:
        tab.page.locator(follow).first.click()
        tab.page.wait_for_load_state()
    violations = run_axe(tab, axe_script)
    assert not violations, f"axe on {tab.page.url}:\n{describe(violations)}"


def test_no_serious_violations_in_search_results(tab: Tab, axe_script: str) -> None:
    tab.visit("speakers/")
    name = tab.page.locator(".index-table tbody th a").first.inner_text()
    tab.visit("search/")
    tab.page.get_by_label("Headline, speaker or quoted words").fill(name)
    tab.page.locator("#search-results li").first.wait_for()
    violations = run_axe(tab, axe_script)
    assert not violations, f"axe on the results for {name!r}:\n{describe(violations)}"


@pytest.mark.parametrize(
    ("address", "follow"),
    [pytest.param(a, f, id=kind) for kind, a, f in PAGES if kind in ("article", "sourcing")],
)
def test_no_serious_violations_at_phone_width(
    phone_tab: Tab, axe_script: str, address: str, follow: str | None
) -> None:
    phone_tab.visit(address)
    if follow:
        phone_tab.page.locator(follow).first.click()
        phone_tab.page.wait_for_load_state()
    violations = run_axe(phone_tab, axe_script)
    assert not violations, f"axe on {phone_tab.page.url} at 390px:\n{describe(violations)}"
