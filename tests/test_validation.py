"""The built output is valid: every page and stylesheet by the Nu HTML validator, the feed
and the sitemap as XML (Atom and sitemaps.org documents with absolute addresses).

The sample site (the repository's content/, real analysis) and the golden site
(tests/golden/site, cast analysis) are each built once; the validator runs once
over each output folder. Without Java or vnu-jar the validator test skips,
saying what is missing, unless NEWSGEN_REQUIRE_BROWSER=1 (tests/run.sh sets it),
where it fails.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from external_tools import require_tool, tools_dir
from newsgen.builder import ArticleStages, build_site
from newsgen.config import SiteConfig, load_config

REPO = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
VNU_OPTIONS = ("--errors-only", "--skip-non-html", "--also-check-css")
SITES = {"sample": REPO, "golden": REPO / "tests" / "golden" / "site"}


def vnu_jar() -> Path:
    return tools_dir() / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def builds() -> dict[str, SiteConfig]:
    """The sites built so far in this module, by name: each is built once."""
    return {}


@pytest.fixture(params=sorted(SITES))
def built(
    request: pytest.FixtureRequest,
    builds: dict[str, SiteConfig],
    tmp_path_factory: pytest.TempPathFactory,
    cast_stages: ArticleStages,
) -> SiteConfig:
    """A site built into a temporary folder (once per module); returns its config."""
    name: str = request.param
    if name not in builds:
        config = load_config(SITES[name], tmp_path_factory.mktemp(name) / "public")
        report = build_site(config, stages=cast_stages if name == "golden" else ArticleStages())
        assert report.written and not report.errors, "\n".join(map(str, report.diagnostics))
        builds[name] = config
    return builds[name]


def article_urls(config: SiteConfig) -> set[str]:
    """The absolute address of every article page in the output."""
    pages = (config.output_dir / "articles").glob("*/index.html")
    return {f"{config.base_url}articles/{page.parent.name}/" for page in pages}


def home_page_order(config: SiteConfig) -> list[str]:
    """The articles as the home page and its next pages list them (newest first)."""
    pages = [config.output_dir / "index.html"]
    pages += sorted(
        (config.output_dir / "page").glob("*/index.html"), key=lambda p: int(p.parent.name)
    )
    order = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        folder = page.parent.relative_to(config.output_dir).as_posix()
        base = config.base_url + ("" if folder == "." else folder + "/")
        for link in soup.select(".cards .card-headline a[href]"):
            order.append(urljoin(base, str(link["href"])))
    return order


def page_of(config: SiteConfig, url: str) -> Path:
    """The output file that an absolute address of the site serves."""
    assert url.startswith(config.base_url), f"{url} is not under {config.base_url}"
    path = config.output_dir / url.removeprefix(config.base_url)
    return path / "index.html" if url.endswith("/") else path


@pytest.mark.validator
def test_nu_validator_finds_no_error_in_pages_or_css(built: SiteConfig) -> None:
    java = shutil.which("java")
    require_tool(java is not None, "Java is not installed (the Nu HTML validator needs it)")
    require_tool(vnu_jar().is_file(), f"the Nu HTML validator is not installed ({vnu_jar()})")
    assert java is not None
    pages = list(built.output_dir.rglob("*.html"))
    assert len(pages) >= 15, pages
    run = subprocess.run(
        [java, "-jar", str(vnu_jar()), *VNU_OPTIONS, str(built.output_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = run.stderr.replace(f"file:{built.output_dir}/", "")
    assert run.returncode == 0 and not report.strip(), f"vnu found errors:\n{report}"


def test_feed_is_an_atom_document_of_the_newest_articles(built: SiteConfig) -> None:
    feed = ET.parse(built.output_dir / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == built.title
    assert feed.findtext(f"{ATOM}id") == built.base_url
    assert feed.findtext(f"{ATOM}updated")
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"alternate": built.base_url, "self": f"{built.base_url}feed.xml"}

    entries = feed.findall(f"{ATOM}entry")
    expected = article_urls(built)
    assert len(entries) == min(len(expected), built.feed_size) > 0
    for entry in entries:
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None, ET.tostring(entry)
        url = link.get("href", "")
        assert url in expected and entry.findtext(f"{ATOM}id") == url
        for field in ("title", "updated", "published", "summary", "author/{*}name"):
            assert (entry.findtext(f"{ATOM}{field}") or "").strip(), (url, field)
        content = entry.find(f"{ATOM}content")
        assert content is not None and content.get("type") == "html" and content.text, url
    order = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]  # type: ignore[union-attr]
    assert order == home_page_order(built)[: built.feed_size], "not in the home page's order"


def test_sitemap_lists_every_article_speaker_and_tag_at_absolute_addresses(
    built: SiteConfig,
) -> None:
    sitemap = ET.parse(built.output_dir / "sitemap.xml").getroot()
    assert sitemap.tag == f"{SITEMAP}urlset"
    urls = [u.findtext(f"{SITEMAP}loc") or "" for u in sitemap.findall(f"{SITEMAP}url")]
    assert len(urls) == len(set(urls)), "an address is listed twice"
    for url in urls:
        assert url.startswith(built.base_url) and "://" in url, url
        assert page_of(built, url).is_file(), f"{url} is in the sitemap but not in the output"
    for folder in ("articles", "speakers", "tags"):
        pages = {
            f"{built.base_url}{folder}/{page.parent.name}/"
            for page in (built.output_dir / folder).glob("*/index.html")
        }
        assert pages and pages <= set(urls), f"missing {folder}: {sorted(pages - set(urls))}"
    assert built.base_url in urls
    assert not any(url.endswith("404.html") for url in urls)
    robots = (built.output_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {built.base_url}sitemap.xml" in robots.splitlines()
