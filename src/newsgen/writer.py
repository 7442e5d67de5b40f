"""The write stage: new files into a temporary folder, put in place only on success.

Two ways to put them in place, both leaving the previous output as it was when a
build fails or is interrupted before the end:

- `finish_full`: the whole site in the staging folder, swapped with the output
  folder (a first build, or an output newsgen cannot vouch for);
- `commit_changes`: only the changed files in the staging folder; a journal
  listing the moves and removals is written atomically (the commit point), then
  each file is renamed into the output, so unchanged files keep their inode and
  mtime. A build killed while applying the journal is completed by the next one
  (`recover_output`) before it reads anything. Renaming a few files beats
  hard-linking a whole 10,000-page tree into a new folder and deleting the old
  one (seconds on this machine's disk; see tests/bench/).

The writer only ever deletes its own temporary folders, files it wrote itself in an
output folder it made (it carries a marker file), and refuses an output folder that
is, or contains, the site's content or the site itself.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

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


def write_file(root: Path, relative: str, data: bytes) -> None:
    """`data` at `relative` (a path inside the output) under `root`."""
    new_file_path(root, relative).write_bytes(data)


def new_file_path(root: Path, relative: str) -> Path:
    """Where `relative` (a path inside the output) goes under `root`, its folder made."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise OutputError(f"refusing to write outside the output folder: {relative!r}")
    target = root.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


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


def make_staging(output: Path) -> Path:
    """A new temporary folder beside the output, for a build's new files."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".new", dir=output.parent))


def discard_staging(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def finish_full(staging: Path, output: Path, static_dirs: Sequence[Path]) -> None:
    """Make the staging folder (holding every page) the output: static files, marker, swap."""
    try:
        for folder in static_dirs:
            if folder.is_dir():
                shutil.copytree(folder, staging / "static", dirs_exist_ok=True)
        (staging / MARKER).write_text("made by newsgen build; replaced on every build\n")
        staging.chmod(0o755)
        _swap_into_place(staging, output.resolve())
    except BaseException:
        discard_staging(staging)
        raise


def journal_path(output: Path) -> Path:
    output = output.resolve()
    return output.parent / f".{output.name}.journal"


def stage_static(
    staging: Path, output: Path, static_dirs: Sequence[Path]
) -> tuple[list[str], list[str]]:
    """Static files that differ from the output's, copied into staging; and those to remove."""
    wanted: dict[str, Path] = {}
    for folder in static_dirs:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    wanted[f"static/{path.relative_to(folder).as_posix()}"] = path
    changed = []
    for relative, source in sorted(wanted.items()):
        data = source.read_bytes()
        current = output / relative
        if not current.is_file() or current.read_bytes() != data:
            write_file(staging, relative, data)
            changed.append(relative)
    present = output / "static"
    old = (
        [f"static/{p.relative_to(present).as_posix()}" for p in present.rglob("*") if p.is_file()]
        if present.is_dir()
        else []
    )
    return changed, sorted(set(old) - wanted.keys())


def commit_changes(
    staging: Path, output: Path, moves: Sequence[str], removals: Sequence[str]
) -> None:
    """Put the staged files in the output and remove the others, through the journal."""
    output = output.resolve()
    journal = journal_path(output)
    record = {"staging": staging.name, "moves": list(moves), "removals": list(removals)}
    partial = journal.with_name(journal.name + ".part")
    try:
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(journal)  # the commit point
    except BaseException:
        partial.unlink(missing_ok=True)
        discard_staging(staging)
        raise
    _apply_journal(output, journal)


def recover_output(output: Path) -> bool:
    """Complete a commit that was interrupted; True if there was one."""
    output = output.resolve()
    journal = journal_path(output)
    journal.with_name(journal.name + ".part").unlink(missing_ok=True)
    if not journal.exists():
        return False
    _apply_journal(output, journal)
    return True


def _apply_journal(output: Path, journal: Path) -> None:
    record = json.loads(journal.read_text(encoding="utf-8"))
    staging = output.parent / str(record["staging"])
    for relative in record["moves"]:
        source = staging / relative
        if source.exists():  # absent: moved before an interruption
            target = _inside(output, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
    for relative in record["removals"]:
        target = _inside(output, relative)
        target.unlink(missing_ok=True)
        for folder in _empty_parents(output, target):
            folder.rmdir()
    discard_staging(staging)
    journal.unlink()


def _inside(root: Path, relative: str) -> Path:
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise OutputError(f"refusing to write outside the output folder: {relative!r}")
    return root.joinpath(*parts)


def _empty_parents(root: Path, path: Path) -> Iterator[Path]:
    folder = path.parent
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        yield folder
        folder = folder.parent
