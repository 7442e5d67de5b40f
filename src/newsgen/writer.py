"""The write stage: the whole site into a temporary folder, swapped into place on success.

A failed or interrupted build leaves the previous output as it was. The writer only
ever deletes its own temporary folders and an output folder it made itself (it
carries a marker file), and refuses an output folder that is, or contains, the
site's content or the site itself.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from newsgen.renderer import RenderedPage

MARKER = ".newsgen-output"


class OutputError(Exception):
    """The output folder cannot be used; nothing was written or deleted."""


def check_output_dir(output: Path, protected: Sequence[Path], content: Path) -> None:
    """Refuse an output folder that would overwrite or delete what the site is made of."""
    out = output.resolve()
    for path in (*protected, content):
        kept = path.resolve()
        if out == kept or out in kept.parents:
            raise OutputError(f"refusing to write the site into {output}: it would replace {path}")
    if content.resolve() in out.parents:
        raise OutputError(f"refusing to write the site into {output}: it is inside {content}")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError(f"refusing to replace {output}: it is not a folder")
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise OutputError(
            f"refusing to replace {output}: it is not empty and newsgen did not make it "
            f"(no {MARKER} file); choose another output folder or empty it yourself"
        )


def write_site(output: Path, pages: Iterable[RenderedPage], static_dirs: Sequence[Path]) -> int:
    """Write every page and the static files (later folders win), then swap; the page count."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".new", dir=output.parent))
    try:
        count = 0
        for page in pages:
            _write_file(staging, page.path, page.data)
            count += 1
        for folder in static_dirs:
            if folder.is_dir():
                shutil.copytree(folder, staging / "static", dirs_exist_ok=True)
        (staging / MARKER).write_text("made by newsgen build; replaced on every build\n")
        staging.chmod(0o755)
        _swap_into_place(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _write_file(root: Path, relative: str, data: bytes) -> None:
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise OutputError(f"refusing to write outside the output folder: {relative!r}")
    target = root.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _swap_into_place(staging: Path, output: Path) -> None:
    if not output.exists():
        staging.rename(output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old", dir=output.parent))
    retired.rmdir()
    output.rename(retired)
    try:
        staging.rename(output)
    except BaseException:
        retired.rename(output)
        raise
    shutil.rmtree(retired)
