"""`newsgen import`: a raw article written out as Markdown with its full front-matter.

The file is for an editor to review: every field the loader found, what it
removed as boilerplate, and the analysis as corrections (`speakers:` and
`quotes:`) that load back without changing anything until the editor edits
them. The body is Markdown with its special characters escaped, so the file
loads to the same article as its source. Writing is atomic (a temporary file
renamed into place) and never replaces an existing file unless `force`.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from newsgen.analysis import analyse_article
from newsgen.article import AnalysedArticle, BlockKind, Paragraph, SourceLocation
from newsgen.diagnostics import ContentError, Diagnostic
from newsgen.loader import LoaderConfig, load_article
from newsgen.record import metadata_record


def import_article(
    path: Path,
    to: Path,
    *,
    force: bool = False,
    config: LoaderConfig | None = None,
    written: set[Path] | None = None,
) -> tuple[Path, tuple[Diagnostic, ...]]:
    """Load and analyse `path`, write `<to>/<slug>.md`; return it and the loader's warnings.

    `written` collects the files of one run, so two sources with the same slug
    never overwrite each other, even with `force`.
    """
    loaded = load_article(path, config)
    analysed = AnalysedArticle(loaded.article, analyse_article(loaded.article))
    target = to / f"{loaded.article.slug}.md"
    if written is not None and target in written:
        raise ContentError(
            SourceLocation(path), f"has the same slug as another article of this import ({target})"
        )
    write_file_atomically(target, render_import(analysed), force=force)
    if written is not None:
        written.add(target)
    return target, loaded.warnings


def render_import(analysed: AnalysedArticle) -> str:
    """The Markdown file, front-matter and body, for `analysed`."""
    article, analysis = analysed.article, analysed.analysis
    front = metadata_record(article)
    if article.is_sample:
        front["sample"] = True
    front["boilerplate"] = list(article.boilerplate)
    # An editor's own corrections first (a rename must still apply), then the analysis.
    front["speakers"] = [_without_nulls(asdict(fix)) for fix in article.speaker_corrections] + [
        {"name": s.name, "role": s.role, "kind": str(s.kind), "quotes": s.quotes}
        for s in analysis.speakers
    ]
    front["quotes"] = [_without_nulls(asdict(fix)) for fix in article.quote_corrections] + [
        {"text": q.text, "speaker": q.speaker, "role": q.role, "kind": str(q.kind)}
        for q in analysis.quotes
    ]
    front.update(article.extra)
    header = (
        f"# Imported by `newsgen import` from {' '.join(article.source.name.split())}: "
        "review every field.\n"
        "# speakers: and quotes: are corrections: edit a name, role or speaker to fix one.\n"
    )
    yaml_text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
    body = "\n\n".join(markdown_of(p) for p in article.paragraphs)
    return f"---\n{header}{yaml_text}---\n\n{body}\n"


def _without_nulls(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        key: str(value) if key == "kind" else value
        for key, value in entry.items()
        if value is not None or key == "speaker"
    }


_BLOCK_PREFIX = {
    BlockKind.PARAGRAPH: "",
    BlockKind.HEADING: "## ",
    BlockKind.BLOCKQUOTE: "> ",
    BlockKind.LIST_ITEM: "- ",
}
# Characters that are Markdown syntax anywhere in a line (the `markdown` library's escapes).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
# "1984." or "3)" opening a line would start a numbered list.
_NUMBERED = re.compile(r"\d+(?=[.)])")


def markdown_of(paragraph: Paragraph) -> str:
    """A paragraph as Markdown that the Markdown reader turns back into the same text."""
    return _BLOCK_PREFIX[paragraph.kind] + escape_markdown(paragraph.text)


def escape_markdown(text: str) -> str:
    """Plain text as Markdown source that renders to exactly `text` (on one line)."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    numbered = _NUMBERED.match(text)
    if numbered:
        return f"{text[: numbered.end()]}\\{text[numbered.end() :]}"
    if text[:1] in ("#", ">", "-", "+"):
        return "\\" + text
    return text


def write_file_atomically(target: Path, text: str, *, force: bool) -> None:
    """Write `text` to `target` through a temporary file; refuse to replace it unless `force`."""
    if target.exists() and not force:
        raise ContentError(
            SourceLocation(target), "already exists: not overwritten (use --force to replace it)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        if force:
            Path(temporary).replace(target)
        else:
            _link_new(Path(temporary), target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _link_new(temporary: Path, target: Path) -> None:
    """Put `temporary` at `target` only if nothing is there (a hard link fails if it is)."""
    try:
        os.link(temporary, target)
    except FileExistsError as error:
        raise ContentError(
            SourceLocation(target), "already exists: not overwritten (use --force to replace it)"
        ) from error
