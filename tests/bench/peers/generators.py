"""The generators the build benchmark runs: how to find, install and call each one.

newsgen is the one in this repository; the peers are installed, when asked, into the
benchmark's scratch folder (never system-wide): Pelican with pip into a virtualenv,
Hugo from Debian's package unpacked with `dpkg -x`. Their settings and themes are the
files beside this module.
"""

from __future__ import annotations

import compileall
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

PEERS_DIR = Path(__file__).resolve().parent
REPO_DIR = PEERS_DIR.parent.parent.parent
PEERS = ("pelican", "hugo")


# --- the generators -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Generator:
    """How to build the corpus with one generator, and what to delete for a cold build."""

    name: str
    version: str
    command: tuple[str, ...]
    output: Path
    # What a cold build starts without: its output and every cache, listed when needed.
    stale: Callable[[], list[Path]]
    env: dict[str, str] | None = None


def newsgen_version() -> str:
    """newsgen's commit, marked `+dirty` when its code (src/) has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO_DIR), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO_DIR), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        return f"unknown commit ({error})"
    return f"{head}+dirty" if dirty else head


def export_newsgen(revision: str, into: Path) -> tuple[str, Path]:
    """newsgen as committed at `revision`, built and installed (its modules compiled as
    an install compiles them) under `into`, once per commit; returns the folder to put
    on the module path.

    So that a benchmark measures a commit, not whatever the shared work tree holds.
    """
    commit = subprocess.run(
        ["git", "-C", str(REPO_DIR), "rev-parse", "--short", f"{revision}^{{commit}}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    source = into / commit
    installed = source / "installed"
    if not (installed / "newsgen").is_dir():
        shutil.rmtree(source, ignore_errors=True)
        archive = into / f"{commit}.tar"
        into.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "-C", str(REPO_DIR), "archive", "--output", str(archive), commit],
            check=True,
        )
        with tarfile.open(archive) as tar:
            tar.extractall(source / "tree", filter="data")
        archive.unlink()
        install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
        subprocess.run([*install, "--target", str(installed), str(source / "tree")], check=True)
    return commit, installed


def make_newsgen(work: Path, revision: str | None = None) -> Generator:
    """newsgen as installed (the work tree), or as committed at `revision`."""
    site = work / "corpus" / "newsgen"
    shutil.copy(PEERS_DIR / "newsgen" / "newsgen.yaml", site / "newsgen.yaml")
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache" / "newsgen")}
    if revision is None:
        version = newsgen_version()
        script = Path(sys.executable).with_name("newsgen")
        program = [str(script)] if script.exists() else [sys.executable, "-m", "newsgen.cli"]
        package = find_spec("newsgen")
        source = Path(package.origin).parents[1] if package and package.origin else None
    else:
        version, source = export_newsgen(revision, work / "newsgen-src")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
        program = [sys.executable, "-m", "newsgen.cli"]
    if source is not None:
        # Compiled once, as an install compiles it (and as the peers' installs are): with
        # PYTHONDONTWRITEBYTECODE set, as in some sandboxes, every run would otherwise
        # compile newsgen's modules again (~0.06 s of every run).
        compileall.compile_dir(str(source / "newsgen"), quiet=1)
    output = work / "out" / "newsgen"
    keep = {"content", "newsgen.yaml"}

    def stale() -> list[Path]:
        # Whatever newsgen keeps in its site folder, beside its output or in the user cache.
        beside = [p for p in output.parent.glob(".*") if "newsgen" in p.name]
        return [output, work / "cache" / "newsgen", *beside] + [
            p for p in site.iterdir() if p.name not in keep
        ]

    return Generator(
        name="newsgen",
        version=version,
        command=(*program, "build", "--site", str(site), "--output", str(output), "--quiet"),
        output=output,
        stale=stale,
        env=env,
    )


def find_pelican(work: Path) -> Path | None:
    local = work / "peers" / "pelican-venv" / "bin" / "pelican"
    if local.exists():
        return local
    found = shutil.which("pelican")
    return Path(found) if found else None


def make_pelican(work: Path, program: Path) -> Generator:
    settings = PEERS_DIR / "pelican"
    output = work / "out" / "pelican"
    cache = work / "cache" / "pelican"
    version = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return Generator(
        name="pelican",
        version=version,
        command=(
            str(program),
            str(work / "corpus" / "pelican" / "content"),
            "--settings",
            str(settings / "pelicanconf.py"),
            "--theme-path",
            str(settings / "theme"),
            "--output",
            str(output),
            "--cache-path",
            str(cache),
            "--quiet",
        ),
        output=output,
        stale=lambda: [output, cache],
    )


def _hugo_env(root: Path) -> dict[str, str]:
    """Hugo unpacked from Debian's package finds its shared libraries beside it."""
    env = dict(os.environ)
    libraries = [str(p) for p in sorted((root / "usr" / "lib").glob("*-linux-gnu*"))]
    if libraries:
        env["LD_LIBRARY_PATH"] = os.pathsep.join(
            [*libraries, *filter(None, [env.get("LD_LIBRARY_PATH")])]
        )
    return env


def find_hugo(work: Path) -> tuple[Path, dict[str, str] | None] | None:
    root = work / "peers" / "hugo"
    local = root / "usr" / "bin" / "hugo"
    if local.exists():
        return local, _hugo_env(root)
    found = shutil.which("hugo")
    return (Path(found), None) if found else None


def make_hugo(work: Path, program: Path, env: dict[str, str] | None) -> Generator:
    site = work / "corpus" / "hugo"
    shutil.copy(PEERS_DIR / "hugo" / "config.yaml", site / "config.yaml")
    shutil.copytree(PEERS_DIR / "hugo" / "layouts", site / "layouts", dirs_exist_ok=True)
    output = work / "out" / "hugo"
    cache = work / "cache" / "hugo"
    words = subprocess.run(
        [str(program), "version"], capture_output=True, text=True, env=env, check=False
    ).stdout.split()
    return Generator(
        name="hugo",
        version=words[1].removeprefix("v").split("+")[0] if len(words) > 1 else "(unknown)",
        command=(
            str(program),
            "--source",
            str(site),
            "--destination",
            str(output),
            "--cacheDir",
            str(cache),
            "--quiet",
        ),
        output=output,
        stale=lambda: [output, cache, site / "resources"],
        env=env,
    )


# --- installing the peers into the scratch folder -----------------------------------------


def install_pelican(peers: Path) -> None:
    venv = peers / "pelican-venv"
    if (venv / "bin" / "pelican").exists():
        return
    print(f"installing Pelican into {venv} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "pelican", "markdown"],
        check=True,
    )


def _package_depends(package: str) -> list[str]:
    """The packages `package` depends on, from apt's cache (virtual ones left out)."""
    result = subprocess.run(
        ["apt-cache", "depends", "--no-recommends", "--no-suggests", package],
        capture_output=True,
        text=True,
        check=True,
    )
    names = re.findall(r"^\s*(?:\|)?Depends:\s*([^<\s]+)\s*$", result.stdout, flags=re.M)
    return [n.split(":")[0] for n in names if not n.startswith("libc6")]


def install_hugo(peers: Path) -> None:
    """Debian's hugo and the libraries it needs, unpacked into `peers/hugo` (no dpkg -i)."""
    root = peers / "hugo"
    if (root / "usr" / "bin" / "hugo").exists():
        return
    debs = peers / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    print(f"downloading Debian's hugo into {debs} ...", flush=True)
    packages = ["hugo", *_package_depends("hugo")]
    result = subprocess.run(
        ["apt-get", "download", "-o", "APT::Sandbox::User=root", *packages],
        cwd=debs,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"apt-get download {' '.join(packages)} failed (run `apt-get update` first?):\n"
            + result.stderr.strip()
        )
    for deb in sorted(debs.glob("*.deb")):
        subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)


INSTALLERS: dict[str, Callable[[Path], None]] = {"pelican": install_pelican, "hugo": install_hugo}


def make_peer(name: str, work: Path) -> Generator | None:
    if name == "pelican":
        pelican = find_pelican(work)
        return make_pelican(work, pelican) if pelican else None
    if name == "hugo":
        hugo = find_hugo(work)
        return make_hugo(work, *hugo) if hugo else None
    raise ValueError(f"unknown peer {name!r}; known: {', '.join(PEERS)}")
