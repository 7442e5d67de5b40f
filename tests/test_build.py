"""The build as a publisher runs it: pages, failures reported, atomic output, safe folders."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from newsgen import page_tasks
from newsgen.builder import ArticleStages, build_site
from newsgen.cli import main
from newsgen.config import load_config
from newsgen.pages import PageSpec
from newsgen.renderer import THEME_DIR, RenderedPage
from newsgen.writer import MARKER

REPO = Path(__file__).parent.parent

WATER_VOTE = """---
headline: Council backs water rate rise
kicker: Analysis
dek: A narrow vote ends a standoff
byline: [Maya Okafor]
date: 2025-03-04T18:00:00
tags: [Water, City Hall]
---

The council voted 6-5 on Tuesday to raise water rates.

\u201cWe could not keep waiting,\u201d Mayor Elena Marsh said.

\u201cThis is a tax on renters,\u201d said councillor Tomas Reyes.
"""

TRAM_CUTS = """---
headline: Tram line loses two stops
byline: [Daniel Ferreira]
date: 2025-09-09T08:00:00
tags: [Transport, City Hall]
---

The eastern tram extension will go ahead with two fewer stops.

\u201cA shorter line that opens is worth more,\u201d Tomas Reyes said.

An official, speaking on condition of anonymity, said the stops \u201cwill not return.\u201d
"""


def make_site(root: Path, articles: dict[str, str], config: str = "") -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    for name, text in articles.items():
        (content / name).write_text(text, encoding="utf-8")
    if config:
        (root / "newsgen.yaml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(
        tmp_path / "site",
        {"water-vote.md": WATER_VOTE, "tram-cuts.md": TRAM_CUTS},
        "title: Harbor Wire\nbase_url: https://wire.example.org/\npage_size: 1\n",
    )


@pytest.fixture
def built(site: Path, cast_stages: ArticleStages) -> Path:
    report = build_site(load_config(site), stages=cast_stages)
    assert report.errors == ()
    return site / "public"


def files_of(folder: Path) -> dict[Path, bytes]:
    """Every file under `folder` with its bytes (to compare a site before and after)."""
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def use_template(site: Path, name: str, text: str) -> None:
    """The site's own template `name` (in place of the theme's)."""
    folder = site / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "page/2/index.html",
        "articles/water-vote/index.html",
        "articles/tram-cuts/index.html",
        "speakers/index.html",
        "speakers/tomas-reyes/index.html",
        "speakers/elena-marsh/index.html",
        "tags/index.html",
        "tags/city-hall/index.html",
        "archive/index.html",
        "archive/2025/03/index.html",
        "sourcing/index.html",
        "search/index.html",
        "search-index.js",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "static/style.css",
        "static/search.js",
    ],
)
def test_the_site_has_every_page(built: Path, path: str) -> None:
    assert (built / path).is_file()


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def test_every_html_page_has_the_head_a_reader_and_a_crawler_need(built: Path) -> None:
    for page in html_pages(built):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(built)
        assert soup.html is not None and soup.html.get("lang") == "en", where
        assert soup.title is not None and soup.title.string, where
        assert len(soup.find_all("h1")) == 1, where
        assert soup.find("main", id="main") is not None, where
        assert soup.find("meta", attrs={"name": "description"}), where
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None and str(canonical["href"]).startswith("https://wire."), where
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert soup.find("meta", property=prop), (where, prop)
        ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), where


def test_no_request_leaves_the_site(built: Path) -> None:
    for page in html_pages(built):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "img", "link", "iframe", "source"]):
            url = str(tag.get("src") or tag.get("href") or "")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not url.startswith(("http:", "https:", "//")), (page, url)


def test_article_page_marks_up_quotes_and_links_speakers(built: Path) -> None:
    page = (built / "articles/tram-cuts/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    quotes = soup.select(".story-body q")
    assert [q.get_text() for q in quotes] == [
        "A shorter line that opens is worth more,",
        "will not return.",
    ]
    link = soup.select_one(".story-body a.said-by")
    assert link is not None and link["href"] == "../../speakers/tomas-reyes/"
    panel = soup.select_one(".who-quoted")
    assert panel is not None and "Anonymous" in panel.get_text()
    assert soup.select_one('script[type="application/ld+json"]') is not None


def test_feed_and_sitemap_parse_as_xml(built: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built / "feed.xml").getroot()
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert titles == ["Tram line loses two stops", "Council backs water rate rise"]
    sitemap = ET.parse(built / "sitemap.xml").getroot()
    locs = {e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert "https://wire.example.org/articles/water-vote/" in locs
    assert "https://wire.example.org/speakers/tomas-reyes/" in locs


def test_a_bad_article_is_reported_with_its_file_and_the_rest_is_built(
    site: Path, cast_stages: ArticleStages
) -> None:
    bad = site / "content" / "broken-frontmatter.md"
    bad.write_text("---\nheadline: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    report = build_site(load_config(site), stages=cast_stages)
    assert report.written
    assert [e.location.path for e in report.errors] == [bad]
    assert report.failed()
    assert (site / "public/articles/water-vote/index.html").is_file()


def test_two_articles_writing_the_same_page_fail_the_build_naming_both(
    site: Path, cast_stages: ArticleStages
) -> None:
    (site / "content" / "2025").mkdir()
    (site / "content" / "2025" / "water-vote.md").write_text(WATER_VOTE, encoding="utf-8")
    report = build_site(load_config(site), stages=cast_stages)
    (error,) = report.errors
    assert "water-vote.md" in str(error.location) and "water-vote.md" in error.message
    assert report.failed()


def test_a_failed_build_leaves_the_previous_site_as_it_was(
    site: Path, built: Path, cast_stages: ArticleStages
) -> None:
    before = files_of(built)
    (site / "content" / "new-article.md").write_text(TRAM_CUTS.replace("Tram", "Bus"), "utf-8")
    use_template(site, "feed.xml", "{{ broken(")
    report = build_site(load_config(site), stages=cast_stages)
    assert report.failed() and not report.written
    assert files_of(built) == before
    assert sorted(p.name for p in site.iterdir()) == [
        ".newsgen-cache",
        "content",
        "newsgen.yaml",
        "public",
        "templates",
    ]


def test_a_rebuild_replaces_the_output(site: Path, built: Path, cast_stages: ArticleStages) -> None:
    (site / "content" / "tram-cuts.md").unlink()
    build_site(load_config(site), stages=cast_stages)
    assert not (built / "articles/tram-cuts").exists()
    assert (built / MARKER).is_file()


@pytest.mark.parametrize(
    "output",
    [".", "content", "..", "content/public", "templates"],
)
def test_output_folders_that_would_destroy_the_site_are_refused(
    site: Path, cast_stages: ArticleStages, output: str
) -> None:
    (site / "templates").mkdir()
    before = sorted(str(p) for p in site.parent.rglob("*"))
    report = build_site(load_config(site, site / output), stages=cast_stages)
    assert report.failed() and not report.written
    assert "refusing" in report.errors[0].message
    assert sorted(str(p) for p in site.parent.rglob("*")) == before


def test_a_folder_newsgen_did_not_make_is_not_replaced(
    site: Path, tmp_path: Path, cast_stages: ArticleStages
) -> None:
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious", encoding="utf-8")
    report = build_site(load_config(site, mine), stages=cast_stages)
    assert report.failed()
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "precious"


def test_check_validates_and_writes_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(site.rglob("*"))
    assert main(["check", "--site", str(site)]) == 0
    assert not (site / "public").exists()
    assert sorted(site.rglob("*")) == before  # no build cache, no compiled templates
    (site / "content" / "empty.txt").write_text("", encoding="utf-8")
    assert main(["check", "--site", str(site)]) == 1
    assert "empty.txt" in capsys.readouterr().err
    assert not (site / "public").exists()


@pytest.mark.parametrize(
    ("config", "flags", "code"),
    [
        ("", [], 0),
        ("page_size: none\ntitel: x\n", [], 1),
        ("", ["--strict"], 0),
    ],
)
def test_build_command_exit_codes(
    site: Path, tmp_path: Path, config: str, flags: list[str], code: int
) -> None:
    if config:
        (site / "newsgen.yaml").write_text(config, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--output", str(out), "--quiet", *flags]) == code
    assert (out / "index.html").is_file() == (code == 0)


def test_config_problems_are_all_printed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "newsgen.yaml").write_text("page_size: none\ntitel: x\n", encoding="utf-8")
    assert main(["build", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "newsgen.yaml:1:" in err and "newsgen.yaml:2:" in err


def test_build_py_builds_the_sample_site(tmp_path: Path) -> None:
    out = tmp_path / "public"
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--output", str(out), "--quiet"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (out / "index.html").is_file(), done.stderr
    assert len(list((out / "articles").iterdir())) == len(list((REPO / "content").iterdir()))


def test_an_interrupted_build_leaves_the_previous_site_and_no_temporary_folder(
    site: Path, built: Path, cast_stages: ArticleStages, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = files_of(built)
    (site / "newsgen.yaml").write_text("title: Harbour Wire\n", encoding="utf-8")
    rendered: list[str] = []

    def render_then_stop(env: object, spec: PageSpec, *args: object) -> RenderedPage:
        if len(rendered) == 3:
            raise KeyboardInterrupt
        rendered.append(spec.path)
        return RenderedPage(spec.path, b"half a site")

    monkeypatch.setattr(page_tasks, "render_page", render_then_stop)
    with pytest.raises(KeyboardInterrupt):
        build_site(load_config(site), stages=cast_stages, jobs=1)
    assert files_of(built) == before
    assert sorted(p.name for p in built.parent.iterdir()) == [
        ".newsgen-cache",
        "content",
        "newsgen.yaml",
        "public",
    ]


def test_boilerplate_appears_on_no_page(tmp_path: Path, cast_stages: ArticleStages) -> None:
    prompt = "Get the Ledger Weekly, the best of our coverage, every Friday."
    site = make_site(
        tmp_path / "site",
        {"water-vote.md": WATER_VOTE.rstrip() + f"\n\n{prompt}\n"},
        "boilerplate: ['Get the Ledger Weekly.*']\n",
    )
    report = build_site(load_config(site), stages=cast_stages)
    assert report.errors == ()
    for page in (site / "public").rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".js"):
            assert "Ledger Weekly" not in page.read_text(encoding="utf-8"), page


def test_a_search_index_template_written_with_tojson_gives_the_same_file(
    site: Path, built: Path, cast_stages: ArticleStages
) -> None:
    """The theme writes the index a piece at a time; a site's own template may still
    write it whole, as `tojson` does, and the file is the same."""
    streamed = (built / "search-index.js").read_bytes()
    use_template(
        site,
        "search-index.js",
        "window.NEWSGEN_SEARCH = {{ search_entries(articles, speakers)|tojson }};\n",
    )
    assert build_site(load_config(site), stages=cast_stages).errors == ()
    assert (built / "search-index.js").read_bytes() == streamed


def test_a_search_index_failing_halfway_is_reported_and_nothing_is_replaced(
    site: Path, built: Path, cast_stages: ArticleStages
) -> None:
    before = files_of(built)
    (site / "content" / "new-article.md").write_text(TRAM_CUTS.replace("Tram", "Bus"), "utf-8")
    use_template(
        site,
        "search-index.js",
        "var a = {% for piece in search_json(articles, speakers) %}{{ piece }}{% endfor %};\n"
        "var b = {{ no_such_thing.at_all }};\n",
    )
    report = build_site(load_config(site), stages=cast_stages)
    assert report.failed() and not report.written
    assert [str(e.location) for e in report.errors] == [
        f"{site / 'templates' / 'search-index.js'}:2"
    ]
    assert files_of(built) == before
    assert not list(site.glob(".public.*"))  # no staging folder left


def test_a_search_index_rendered_again_the_same_is_not_rewritten(
    site: Path, built: Path, cast_stages: ArticleStages
) -> None:
    """Its template changed (a comment added), the index is rendered again, a piece at a
    time, and found the same as the file in the output: the file is kept."""
    index = built / "search-index.js"
    before = index.stat()
    theme = THEME_DIR / "templates" / "search-index.js"
    use_template(
        site, "search-index.js", "{# the theme's, with a comment #}" + theme.read_text("utf-8")
    )
    report = build_site(load_config(site), stages=cast_stages)
    assert report.errors == () and report.rendered >= 1
    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
