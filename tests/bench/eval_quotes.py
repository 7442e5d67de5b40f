"""Measure quote attribution on the shared, human-annotated development set.

    python tests/bench/eval_quotes.py [--gold PATH] [--scorer PATH] [--keep DIR]
                                      [--misses KIND]

Each record is written to a temporary .txt, loaded with `load_article`,
analysed with `analyse_article`, and the predictions (quotes that have a
speaker; scare quotes and titles are not quotations) are scored with the
shared scorer, over all quotes and over direct quotes only. The speaker sent to
the scorer is the canonical name followed by the role when there is one (the
annotators' key may be a surname or a role noun such as "spokeswoman").
`--misses pronoun` (or name, nominal) then lists the quotes of that kind of speaker
that were found but given a speaker the key does not accept, with the annotators'
speaker span and key beside ours, for checking by hand (the pronoun and nominal keys
come from an automatic coreference system, not from the annotators).
The data is not part of the repository: without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
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


def list_misses(records: list[dict[str, Any]], pred: Path, scorer: Path, kind: str) -> None:
    """Print the found quotes of `kind` whose predicted speaker the key does not accept."""
    spec = importlib.util.spec_from_file_location("score_quotes", scorer)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer {scorer}")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    predicted = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        predicted[item["id"]] = item["quotes"]
    found = missed = 0
    for record in records:
        tokens = score.toks_with_offsets(record["text"])
        spans = [
            (item, score.positions_in_spans(tokens, [(item["start"], item["end"])]))
            for item in predicted.get(record["id"], [])
            if "start" in item
        ]
        for gold in record["quotes"]:
            if gold.get("speaker_kind") != kind or not gold.get("speaker_keys"):
                continue
            where = score.positions_in_spans(tokens, gold["spans"]["quote"])
            best = max(spans, key=lambda pair: len(pair[1] & where), default=None)
            if best is None or not where or len(best[1] & where) / len(where) < 0.5:
                continue
            found += 1
            ours = best[0]["speaker"]
            if score.speaker_ok(gold["speaker_keys"], ours):
                continue
            missed += 1
            paragraph = record["text"].count("\n\n", 0, best[0]["start"])
            print(
                f"{record['id']} paragraph {paragraph}: annotated {gold['speaker']!r}, "
                f"key {gold['speaker_keys']}, ours {ours!r}"
            )
    print(f"{kind} speakers: {found - missed}/{found} accepted by the key, {missed} listed above")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "quotes-dev.jsonl")
    parser.add_argument("--scorer", type=Path, default=EVAL_DIR / "score_quotes.py")
    parser.add_argument("--keep", type=Path, help="write pred.jsonl into this directory")
    parser.add_argument(
        "--misses",
        choices=("name", "nominal", "pronoun"),
        help="list the found quotes of this kind of speaker given another speaker",
    )
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
        if args.misses:
            list_misses(records, pred, args.scorer, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
