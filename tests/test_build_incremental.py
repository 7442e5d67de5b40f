"""Incremental and parallel builds give exactly the output of a clean build.

A site is built, changed step by step (edits, additions, deletions, renames, a
template, the config), rebuilt after each step, and compared byte for byte with a
clean build of the same content made in another folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgen import builder, page_tasks, search
from newsgen.builder import ArticleStages, BuildMemo, BuildReport, build_site
from newsgen.cache import BuildCache, cache_path
from newsgen.config import load_config
from newsgen.fingerprint import CONTENT_SUFFIXES, rescan_sources, scan_sources
from newsgen.loader import content_suffixes, find_content_files
from newsgen.publication import publish_site
from newsgen.server import snapshot_sources
from newsgen.summary import ArticleSummary

HARBOUR_DREDGING = """---
headline: Harbour dredging to start in May
byline: [Maya Okafor]
date: 2025-04-01T07:30:00
tags: [Harbour, City Hall]
---

Dredging of the inner harbour will start in May, the port board said on Monday.

\u201cThe channel is silting faster than we planned for,\u201d Elena Marsh said.

Tomas Reyes said the cost \u201chas doubled since the first estimate.\u201d
"""

FERRY_FARES = """FERRY FARES RISE FOR SUMMER

By Daniel Ferreira

PORT ALDWIN, June 2 (Harbour Wire) - Ferry fares will rise by a tenth from July.

"Fuel has gone up and so must fares," Grace Lindqvist said.

An official, who asked not to be named, said the rise "could have been worse."
"""

WATER_BILLS = """---
headline: Water bills to be itemised
date: 2025-05-12T12:00:00
tags: [Water]
---

Bills from the Aldwin Water Authority will list every charge from next year.

\u201cPeople deserve to see what they pay for,\u201d Priya Natarajan said.
"""


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def clean_build(site: Path, tmp: Path, stages: ArticleStages, jobs: int = 1) -> dict[str, bytes]:
    """A build of a copy of `site` with no cache and no previous output."""
    copy = tmp / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("public", ".newsgen-cache"))
    report = build_site(load_config(copy), stages=stages, jobs=jobs)
    assert report.written, report.diagnostics
    return tree(copy / "public")


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        path = site / "content" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return change


def add(name: str, text: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / "content" / name).write_text(text, encoding="utf-8")

    return change


def delete(name: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / "content" / name).unlink()

    return change


def rename(old: str, new: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / "content" / new).parent.mkdir(parents=True, exist_ok=True)
        (site / "content" / old).rename(site / "content" / new)

    return change


def template(name: str, text: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / "templates").mkdir(exist_ok=True)
        (site / "templates" / name).write_text(text, encoding="utf-8")

    return change


def configure(text: str) -> Callable[[Path], None]:
    def change(site: Path) -> None:
        (site / "newsgen.yaml").write_text(text, encoding="utf-8")

    return change


ROBOTS = "User-agent: *\nDisallow: /search/\n\nSitemap: {{ config.base_url }}sitemap.xml\n"

# Each step is applied to the site, which is then rebuilt incrementally.
STEPS: list[tuple[str, Callable[[Path], None]]] = [
    ("edit a sentence of the body", edit("harbour-dredging.md", "on Monday", "on Tuesday")),
    ("edit a quote", edit("ferry-fares.txt", "so must fares", "so fares must")),
    ("edit the headline", edit("water-bills.md", "to be itemised", "will be itemised")),
    (
        "give a speaker a role",
        edit(
            "ferry-fares.txt",
            "Grace Lindqvist said",
            "said Grace Lindqvist, the ferry company's chief executive",
        ),
    ),
    ("add an article", add("water-meters.md", WATER_BILLS.replace("itemised", "metered"))),
    ("add a newer article", add("late-ferry.md", WATER_BILLS.replace("2025-05-12", "2025-07-01"))),
    ("edit a date", edit("water-meters.md", "2025-05-12", "2024-12-30")),
    ("retag an article", edit("harbour-dredging.md", "City Hall", "Port Board")),
    ("delete an article", delete("ferry-fares.txt")),
    ("rename an article", rename("water-bills.md", "2025/water-bills.md")),
    ("rename and change slug", rename("late-ferry.md", "ferry-late.md")),
    ("override a template", template("robots.txt", ROBOTS)),
    ("change the config", configure("title: Harbour Wire\npage_size: 1\nfeed_size: 2\n")),
    ("a bad article", add("broken.md", "---\nheadline: [unclosed\n---\n\nBody.\n")),
    ("the bad article fixed", add("broken.md", "---\nheadline: Fixed\n---\n\nBody text.\n")),
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    add("harbour-dredging.md", HARBOUR_DREDGING)(root)
    add("ferry-fares.txt", FERRY_FARES)(root)
    add("water-bills.md", WATER_BILLS)(root)
    configure("title: Harbour Wire\npage_size: 2\n")(root)
    return root


@pytest.mark.parametrize("keep_summaries", [False, True], ids=["build", "serve"])
def test_each_incremental_build_equals_a_clean_build(
    site: Path, tmp_path: Path, cast_stages: ArticleStages, keep_summaries: bool
) -> None:
    memo = BuildMemo() if keep_summaries else None  # `newsgen serve` keeps one
    build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
    for name, change in STEPS:
        change(site)
        report = build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
        assert report.processed <= 2, name  # only what changed was loaded again
        assert tree(site / "public") == clean_build(site, tmp_path, cast_stages), name


def test_pages_are_rendered_with_no_cache_write_open(
    site: Path, cast_stages: ArticleStages, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The render workers read the cache: a write left open (a large one spills to the
    file) would lock them out, as it did at 100,000 articles."""
    open_writes: list[bool] = []

    def publish(*args: Any, **kwargs: Any) -> Any:
        cache: BuildCache = args[3]
        open_writes.append(cache.writing)
        return publish_site(*args, **kwargs)

    monkeypatch.setattr(builder, "publish_site", publish)
    build_site(load_config(site), stages=cast_stages, jobs=1)
    for _, change in STEPS:
        change(site)
        build_site(load_config(site), stages=cast_stages, jobs=1)
    assert open_writes == [False] * (len(STEPS) + 1)


def test_a_rebuild_with_nothing_changed_renders_nothing(
    site: Path, cast_stages: ArticleStages
) -> None:
    first = build_site(load_config(site), stages=cast_stages)
    again = build_site(load_config(site), stages=cast_stages)
    assert (again.articles, again.pages, again.written) == (first.articles, first.pages, True)
    assert (again.rendered, again.processed) == (0, 0)


def test_an_edit_renders_only_the_pages_that_show_the_article(
    site: Path, cast_stages: ArticleStages
) -> None:
    first = build_site(load_config(site), stages=cast_stages)
    edit("harbour-dredging.md", "on Monday", "on Tuesday")(site)
    report = build_site(load_config(site), stages=cast_stages)
    assert report.processed == 1
    # Its page and the feed show the body; nothing else does.
    assert 0 < report.rendered <= 2 < first.rendered


@pytest.mark.parametrize(
    ("changes", "planner"),
    [
        pytest.param([edit("harbour-dredging.md", "on Monday", "on Tuesday")],
                     "plan_whole_article_pages", id="a body edited"),
        pytest.param([edit("ferry-fares.txt", "a tenth", "a fifth"),
                      edit("water-bills.md", "every charge", "each charge")],
                     "plan_whole_article_pages", id="two bodies edited"),
        pytest.param([edit("ferry-fares.txt", "so must fares", "so fares must")],
                     "plan_pages_showing", id="a quote edited"),
        pytest.param([edit("water-bills.md", "to be itemised", "will be itemised")],
                     "plan_pages_showing", id="a headline edited"),
        pytest.param([edit("water-bills.md", "2025-05-12T12:00", "2025-05-13T09:00")],
                     "plan_pages_showing", id="a date moved within its month"),
        pytest.param([edit("ferry-fares.txt", "Grace Lindqvist said", "Tomas Reyes said")],
                     "plan_pages", id="a quote given to another speaker"),
        pytest.param([edit("water-bills.md", "2025-05-12", "2025-06-12")], "plan_pages",
                     id="a date moved to another month"),
        pytest.param([edit("harbour-dredging.md", "City Hall", "Port Board")], "plan_pages",
                     id="a tag changed"),
        pytest.param([edit("harbour-dredging.md", "on Monday", "on Tuesday"),
                      template("robots.txt", ROBOTS)], "plan_pages", id="a body and a template"),
        pytest.param([delete("ferry-fares.txt")], "plan_pages", id="an article deleted"),
    ],
)  # fmt: skip
def test_only_the_pages_that_can_show_a_change_are_planned(
    site: Path,
    tmp_path: Path,
    cast_stages: ArticleStages,
    monkeypatch: pytest.MonkeyPatch,
    changes: list[Callable[[Path], None]],
    planner: str,
) -> None:
    """A body edited: the pages showing it whole (its own and the feed). A headline,
    a quote's words, a date in the same month: the pages showing the article or a speaker
    it quotes. Anything else may change what any page lists: every page is planned."""
    first = build_site(load_config(site), stages=cast_stages)
    planned: list[str] = []
    for name in ("plan_pages", "plan_pages_showing", "plan_whole_article_pages"):
        real = getattr(builder, name)
        monkeypatch.setattr(builder, name, lambda *args, name=name, real=real: (
            planned.append(name), real(*args))[1])  # fmt: skip
    for change in changes:
        change(site)
    report = build_site(load_config(site), stages=cast_stages)
    assert planned == [planner]
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)
    clean = build_site(load_config(tmp_path / "clean"), stages=cast_stages)  # no-op: its report
    assert (report.articles, report.pages) == (clean.articles, clean.pages)
    if planner == "plan_whole_article_pages":  # the edited articles' pages and the feed at most
        assert 0 < report.rendered <= len(changes) + 1 < first.rendered
    elif planner == "plan_pages_showing":
        assert 0 < report.rendered < first.rendered


@pytest.mark.parametrize(
    ("change", "not_rendered"),
    [
        pytest.param(edit("water-bills.md", "to be itemised", "will be itemised"),
                     {"archive/index.html", "tags/index.html", "tags/harbour/index.html"},
                     id="a headline edited"),
        pytest.param(edit("ferry-fares.txt", "so must fares", "so fares must"),
                     {"archive/index.html", "tags/index.html", "tags/water/index.html"},
                     id="a quote edited"),
    ],
)  # fmt: skip
def test_a_summary_change_renders_no_page_that_does_not_show_what_changed(
    site: Path,
    cast_stages: ArticleStages,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None],
    not_rendered: set[str],
) -> None:
    """The archive lists months, the topics page its tags: a headline or a quote edited
    in one article changes neither, nor the pages that do not show the article."""
    build_site(load_config(site), stages=cast_stages)
    assert not_rendered <= tree(site / "public").keys()
    rendered: list[str] = []
    real = page_tasks.render_page

    def render(env: Any, spec: Any, *args: Any) -> Any:
        rendered.append(spec.path)
        return real(env, spec, *args)

    monkeypatch.setattr(page_tasks, "render_page", render)
    change(site)
    build_site(load_config(site), stages=cast_stages, jobs=1)
    assert rendered and not_rendered.isdisjoint(rendered)


def test_unchanged_files_keep_their_inode_and_mtime(site: Path, cast_stages: ArticleStages) -> None:
    build_site(load_config(site), stages=cast_stages)
    output = site / "public"

    def stats() -> dict[str, tuple[int, int]]:
        return {
            p.relative_to(output).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in output.rglob("*")
            if p.is_file()
        }

    before = stats()
    edit("water-bills.md", "every charge", "each charge")(site)
    build_site(load_config(site), stages=cast_stages)
    after = stats()
    changed = {path for path in before if before[path] != after.get(path)}
    assert changed == {"articles/water-bills/index.html", "feed.xml"}
    assert after.keys() == before.keys()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:1000]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b"not a database at all" * 50), id="garbage"),
        pytest.param(lambda path: path.unlink(), id="deleted"),
    ],
)
def test_a_damaged_cache_falls_back_to_a_full_build(
    site: Path, tmp_path: Path, cast_stages: ArticleStages, damage: Callable[[Path], None]
) -> None:
    build_site(load_config(site), stages=cast_stages)
    edit("ferry-fares.txt", "a tenth", "a fifth")(site)
    damage(cache_path(site))
    report = build_site(load_config(site), stages=cast_stages)
    assert report.written and report.processed == 3
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param("UPDATE articles SET summary = x'80049500', placed = x'8004'", id="rows"),
        pytest.param("UPDATE summaries SET value = x'80049500'", id="summary chunks"),
        # A pickled list holding one entry of the wrong shape.
        pytest.param("UPDATE summaries SET value = x'80045d944b01612e'", id="chunk entries"),
        pytest.param("UPDATE memos SET value = x'80049500'", id="index memo"),
        pytest.param("UPDATE memos SET value = x'80044b012e'", id="index memo of one number"),
    ],
)
def test_a_cached_value_that_cannot_be_read_falls_back_to_a_full_build(
    site: Path, tmp_path: Path, cast_stages: ArticleStages, damage: str
) -> None:
    import sqlite3

    build_site(load_config(site), stages=cast_stages)
    with sqlite3.connect(cache_path(site)) as db:
        db.execute(damage)
    edit("ferry-fares.txt", "a tenth", "a fifth")(site)
    report = build_site(load_config(site), stages=cast_stages)
    assert report.written and report.processed == 3
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)


def many_articles(root: Path) -> Path:
    """A site of 121 articles: enough for the work to be spread over processes."""
    (root / "content").mkdir(parents=True)
    for number in range(120):
        text = HARBOUR_DREDGING.replace(
            "2025-04-01", f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}"
        )
        text = text.replace("Harbour dredging", f"Harbour dredging, part {number}")
        add(f"dredging-{number:03d}.md", text)(root)
    add("ferry-fares.txt", FERRY_FARES)(root)
    return root


def test_one_and_two_workers_write_the_same_site(tmp_path: Path) -> None:
    root = many_articles(tmp_path / "many")
    one = clean_build(root, tmp_path / "one", ArticleStages(), jobs=1)
    two = clean_build(root, tmp_path / "two", ArticleStages(), jobs=2)
    assert len(one) > 120
    assert one == two


def test_the_search_entries_made_while_the_workers_render_are_kept_for_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a small site the search index is rendered while the render workers read the
    cache; the entries it keeps are written once they are done."""
    root = many_articles(tmp_path / "many")
    build_site(load_config(root), stages=ArticleStages(), jobs=2)
    made: list[str] = []
    make_entry = search.article_entry

    def article_entry(a: ArticleSummary) -> dict[str, Any]:
        made.append(a.slug)
        return make_entry(a)

    monkeypatch.setattr(search, "article_entry", article_entry)
    edit("dredging-007.md", "part 7", "part seven")(root)
    build_site(load_config(root), stages=ArticleStages(), jobs=2)
    assert made == ["dredging-007"]
    assert tree(root / "public") == clean_build(root, tmp_path, ArticleStages(), jobs=2)


def test_a_commit_cut_short_is_completed_by_the_next_build(
    site: Path, tmp_path: Path, cast_stages: ArticleStages, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(load_config(site), stages=cast_stages)
    configure("title: Harbour Wire Weekly\npage_size: 2\n")(site)
    moved: list[Path] = []
    real_replace = Path.replace

    def replace_then_die(self: Path, target: Path) -> Path:
        if len(moved) == 3 and self.name != "build.sqlite":
            raise KeyboardInterrupt
        moved.append(self)
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        build_site(load_config(site), stages=cast_stages)
    monkeypatch.undo()
    report: BuildReport = build_site(load_config(site), stages=cast_stages)
    assert report.written
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)


def test_the_scan_finds_what_the_loader_reads(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for name in ("a.md", "b.TXT", "c/d.html", ".hidden.md", ".git/e.md", "f.yaml", "g/h.markdown"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("x", encoding="utf-8")
    (content / "linked").symlink_to(content / "g")  # a linked folder: read by neither
    (content / "c" / "loop").symlink_to(content)  # nor a link to a folder it is in
    assert content_suffixes() == CONTENT_SUFFIXES
    assert [s.path for s in scan_sources(content)] == find_content_files(content)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(edit("harbour-dredging.md", "on Monday", "on Tuesday"), id="a body edited"),
        pytest.param(edit("water-bills.md", "to be itemised", "will be itemised"),
                     id="a headline edited"),
    ],
)  # fmt: skip
def test_a_build_stopped_while_rendering_is_made_good_by_the_next(
    site: Path,
    tmp_path: Path,
    cast_stages: ArticleStages,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None],
) -> None:
    """The stopped build kept the edited article in the cache, so the next one does not
    load it again: it must still render the pages that show it."""
    build_site(load_config(site), stages=cast_stages)
    change(site)

    def stop(*args: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(page_tasks, "render_page", stop)
    with pytest.raises(KeyboardInterrupt):
        build_site(load_config(site), stages=cast_stages, jobs=1)
    monkeypatch.undo()
    report = build_site(load_config(site), stages=cast_stages, jobs=1)
    assert report.written and report.processed == 0
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)


def test_cards_kept_from_the_last_build_show_the_articles_as_they_are_now(
    site: Path, tmp_path: Path, cast_stages: ArticleStages
) -> None:
    """A process building again with the same settings and templates (`newsgen serve`)
    keeps its environment, and the cards rendered in it: an edited article's card must
    be rendered again on every page that lists it."""
    memo = BuildMemo()
    build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
    kept = page_tasks._kept_environment
    for name, change in STEPS[:4]:  # a body, a quote, a headline, a speaker
        change(site)
        build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
        assert page_tasks._kept_environment is kept, name
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)


def content_tree(root: Path) -> Path:
    content = root / "content"
    for name in ("a.md", "b.TXT", "c/d.html", "c/d.yaml", "g/h.markdown", ".hidden.md"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("x", encoding="utf-8")
    (content / "linked").symlink_to(content / "g")  # a linked folder: never read
    return content


def write(name: str, text: str = "changed") -> Callable[[Path], list[str]]:
    def change(content: Path) -> list[str]:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
        return [str(content / name)]

    return change


def remove(name: str) -> Callable[[Path], list[str]]:
    def change(content: Path) -> list[str]:
        target = content / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
        return [str(target)]

    return change


def moved(old: str, new: str) -> Callable[[Path], list[str]]:
    def change(content: Path) -> list[str]:
        (content / new).parent.mkdir(parents=True, exist_ok=True)
        (content / old).rename(content / new)
        return [str(content / old), str(content / new)]

    return change


@pytest.mark.parametrize(
    ("change", "rescanned"),
    [
        pytest.param(write("a.md"), True, id="a file edited"),
        pytest.param(write("aa.md"), True, id="a file added"),
        pytest.param(write("c/b.md"), True, id="a file added in a folder"),
        pytest.param(remove("b.TXT"), True, id="a file deleted"),
        pytest.param(moved("a.md", "c/z.md"), True, id="a file moved"),
        pytest.param(write(".#a.md"), True, id="a hidden file"),
        pytest.param(lambda c: [*write("linked/new.md")(c), str(c / "g" / "new.md")], True,
                     id="a file written through a linked folder"),
        pytest.param(write("notes.pdf"), True, id="a file that is no article"),
        pytest.param(lambda c: [str(c)], False, id="the folder itself"),
        pytest.param(lambda c: [str(write("e/f.md")(c)[0]).removesuffix("/f.md")], False,
                     id="a folder made"),
        pytest.param(remove("c"), False, id="a folder deleted"),
        pytest.param(moved("g", "k"), False, id="a folder moved"),
        pytest.param(write("c/d.yaml"), False, id="a sidecar edited"),
        pytest.param(lambda c: [str(c.parent / "templates" / "base.html")], False,
                     id="a path outside the folder"),
        pytest.param(lambda c: [str(c / f"{n}.md") for n in range(100)], False,
                     id="too many paths"),
    ],
)  # fmt: skip
def test_a_rescan_finds_what_a_scan_finds_or_gives_way_to_one(
    tmp_path: Path, change: Callable[[Path], list[str]], rescanned: bool
) -> None:
    """Told which paths changed, a rescan looks at those alone, and finds what scanning
    the whole folder finds; where a path does not tell enough, it asks for a scan."""
    content = content_tree(tmp_path)
    last = scan_sources(content)
    found = rescan_sources(content, last, change(content))
    if rescanned:
        assert found == scan_sources(content)
    else:
        assert found is None


def test_each_build_told_what_changed_equals_a_clean_build(
    site: Path, tmp_path: Path, cast_stages: ArticleStages, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `newsgen serve` builds: with the paths a watcher saw change (here: the files
    whose time or size differ) the content folder is not scanned again."""
    memo = BuildMemo()
    build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
    scanned: list[Path] = []
    monkeypatch.setattr(builder, "scan_sources", lambda c: scanned.append(c) or scan_sources(c))
    for name, change in STEPS:
        before = snapshot_sources(site)
        change(site)
        changed = {path for path, _, _ in before ^ snapshot_sources(site)}
        build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo, changed=changed)
        assert tree(site / "public") == clean_build(site, tmp_path, cast_stages), name
    # Scanned again only for the template and the settings (outside content/).
    assert scanned.count(site / "content") == 2


def test_a_server_starting_on_a_built_site_fills_its_memo_and_writes_nothing(
    site: Path, tmp_path: Path, cast_stages: ArticleStages
) -> None:
    """`newsgen serve` on a site built before: its first build changes no file, and keeps
    the summaries, the index and the plan for the first edit."""
    build_site(load_config(site), stages=cast_stages)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (site / "public").rglob("*")}
    memo = BuildMemo()
    report = build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (site / "public").rglob("*")}
    assert report.written and report.rendered == 0 and after == before
    assert memo.summaries.summaries and memo.index is not None and memo.plan[1]
    edit("water-bills.md", "to be itemised", "will be itemised")(site)
    build_site(load_config(site), stages=cast_stages, jobs=1, memo=memo)
    assert tree(site / "public") == clean_build(site, tmp_path, cast_stages)
