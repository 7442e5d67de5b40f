"""Measure quote attribution on the shared, human-annotated development set.

    python tests/bench/eval_quotes.py [--gold PATH] [--scorer PATH] [--keep DIR]

Each record is written to a temporary .txt, loaded with `load_article`,
analysed with `analyse_article`, and the predictions (quotes that have a
speaker; scare quotes and titles are not quotations) are scored with the
shared scorer, over all quotes and over direct quotes only. The speaker sent to
the scorer is the canonical name followed by the role when there is one (the
annotators' key may be a surname or a role noun such as "spokeswoman").
The data is not part of the repository: without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from newsgen.analysis import analyse_article
from newsgen.article import Article, Quote
from newsgen.diagnostics import ContentError
from newsgen.loader import load_article

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"


def _part_offsets(text: str, article: Article) -> list[int | None]:
    """Where each paragraph of `article` starts in the record's text (None if not found)."""
    offsets: list[int | None] = []
    cursor = 0
    for paragraph in article.paragraphs:
        at = text.find(paragraph.text, cursor)
        offsets.append(at if at >= 0 else None)
        if at >= 0:
            cursor = at + len(paragraph.text)
    return offsets


def predict_record(record: dict[str, Any], workdir: Path) -> dict[str, Any]:
    path = workdir / "article.txt"
    path.write_text(record["text"], encoding="utf-8")
    try:
        article = load_article(path).article
    except ContentError as error:
        print(f"{record['id']}: {error}", file=sys.stderr)
        return {"id": record["id"], "quotes": []}
    analysis = analyse_article(article)
    offsets = _part_offsets(record["text"], article)
    quotes = []
    for quote in analysis.quotes:
        if quote.speaker is None:
            continue
        quotes.extend(_predictions(quote, article, offsets))
    return {"id": record["id"], "quotes": quotes}


def _predictions(quote: Quote, article: Article, offsets: list[int | None]) -> list[dict[str, Any]]:
    speaker = f"{quote.speaker} ({quote.role})" if quote.role else quote.speaker
    out = []
    for paragraph, start, end in quote.parts or ((quote.paragraph, quote.start, quote.end),):
        base = offsets[paragraph]
        item: dict[str, Any] = {
            "text": article.paragraphs[paragraph].text[start:end],
            "speaker": speaker,
            "verb": quote.verb or "",
        }
        if base is not None:
            item["start"], item["end"] = base + start, base + end
        out.append(item)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "quotes-dev.jsonl")
    parser.add_argument("--scorer", type=Path, default=EVAL_DIR / "score_quotes.py")
    parser.add_argument("--keep", type=Path, help="write pred.jsonl into this directory")
    args = parser.parse_args(argv)
    if not args.gold.exists() or not args.scorer.exists():
        print(f"skipped: no evaluation data at {args.gold} (it is not part of the repository)")
        return 0
    records = [
        json.loads(line)
        for line in args.gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        out_dir = args.keep or workdir
        out_dir.mkdir(parents=True, exist_ok=True)
        pred = out_dir / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(predict_record(record, workdir), ensure_ascii=False) + "\n")
        for types in (["direct", "partial"], ["direct"]):
            command = [
                sys.executable,
                str(args.scorer),
                "--pred",
                str(pred),
                "--gold",
                str(args.gold),
                "--types",
                *types,
                "--n-bootstrap",
                "100",
            ]
            subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
