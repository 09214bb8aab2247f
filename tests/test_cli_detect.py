"""`breachguard detect` and `breachguard redact`: output formats, exit codes, awkward inputs."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import breachguard.cli.detect as detect_module
from breachguard import analyze
from breachguard.cli import _register
from breachguard.cli.app import app
from breachguard.cli.detect import LineIndex, Options, redact_stream, text_chunks
from breachguard.redact import redact

_register()
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "letter.txt"
SAMPLE_AR = ROOT / "samples" / "letter_ar.txt"
EMAIL = "grace.hopper@example.net"
TEXT = f"Dear team,\nplease write to {EMAIL} about the visit.\n"


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _jsonl(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_table_masks_values_and_counts_findings(letter: Path) -> None:
    result = runner.invoke(app, ["detect", str(letter)])
    assert result.exit_code == 0
    assert "EMAIL_ADDRESS" in result.stdout
    assert EMAIL not in result.stdout
    assert "1 finding in 1 file" in result.stdout


def test_jsonl_has_one_object_per_finding_with_position(letter: Path) -> None:
    result = runner.invoke(app, ["detect", "--format", "jsonl", str(letter)])
    assert result.exit_code == 0
    (record,) = _jsonl(result.stdout)
    assert record["entity"] == "EMAIL_ADDRESS"
    assert record["category"] == "contact"
    assert record["path"] == str(letter)
    assert (record["start"], record["end"]) == (TEXT.index(EMAIL), TEXT.index(EMAIL) + len(EMAIL))
    assert (record["line"], record["column"]) == (2, len("please write to ") + 1)
    assert record["value"] != EMAIL and str(record["value"]).endswith(".net")


def test_json_is_one_list_and_reveal_shows_values(letter: Path) -> None:
    result = runner.invoke(app, ["detect", "-f", "json", "--reveal", str(letter), str(letter)])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["value"] for r in records] == [EMAIL, EMAIL]


def test_json_of_text_without_findings_is_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing personal here.\n", encoding="utf-8")
    result = runner.invoke(app, ["detect", "-f", "json", str(path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_sample_letter_finds_the_identifiers_it_was_written_with() -> None:
    result = runner.invoke(app, ["detect", "-f", "jsonl", str(SAMPLE)])
    assert result.exit_code == 0
    entities = {r["entity"] for r in _jsonl(result.stdout)}
    assert {"EMAIL_ADDRESS", "UK_NHS", "UK_NINO", "IBAN_CODE", "PHONE_NUMBER"} <= entities


def test_arabic_sample_with_arabic_indic_digits_finds_its_nhs_number() -> None:
    result = runner.invoke(app, ["detect", "-f", "jsonl", "-e", "UK_NHS", str(SAMPLE_AR)])
    assert result.exit_code == 0
    assert [r["entity"] for r in _jsonl(result.stdout)] == ["UK_NHS"]


def test_entities_filter_accepts_lower_case(letter: Path) -> None:
    result = runner.invoke(app, ["detect", "-f", "jsonl", "-e", "email_address", str(letter)])
    assert result.exit_code == 0
    assert len(_jsonl(result.stdout)) == 1
    result = runner.invoke(app, ["detect", "-f", "jsonl", "-e", "UK_NHS", str(letter)])
    assert _jsonl(result.stdout) == []


def test_unknown_entity_is_a_usage_error_listing_valid_names(letter: Path) -> None:
    result = runner.invoke(app, ["detect", "--entities", "PERSON,UK_NHSS", str(letter)])
    assert result.exit_code == 2
    assert "UK_NHSS" in result.stderr
    assert "UK_NHS," in result.stderr and "PERSON" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("fail_on", "code"), [(1, 1), (2, 1), (3, 0)])
def test_fail_on_sets_exit_status_on_the_total(letter: Path, fail_on: int, code: int) -> None:
    result = runner.invoke(app, ["detect", "--fail-on", str(fail_on), str(letter), str(letter)])
    assert result.exit_code == code


def test_min_score_above_every_finding_reports_nothing(letter: Path) -> None:
    result = runner.invoke(app, ["detect", "-f", "jsonl", "--min-score", "1.0", str(letter)])
    assert result.exit_code == 0
    assert all(r["score"] >= 1.0 for r in _jsonl(result.stdout))


def test_summary_prints_counts_and_no_values(letter: Path) -> None:
    result = runner.invoke(app, ["detect", "--summary", "-f", "json", str(letter), str(letter)])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["total"] == 2
    assert summary["files"][0]["entities"] == {"EMAIL_ADDRESS": 2}
    assert "@" not in result.stdout


def test_stdin_is_read_with_dash() -> None:
    result = runner.invoke(app, ["detect", "-f", "jsonl", "-"], input=TEXT.encode())
    assert result.exit_code == 0
    (record,) = _jsonl(result.stdout)
    assert record["path"] == "<stdin>"


def test_binary_file_is_refused_with_a_pointer_to_scan(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(app, ["detect", str(path)])
    assert result.exit_code == 2
    assert f"{path}: looks like a binary file; use `breachguard scan`" in result.stderr


def test_invalid_utf8_is_replaced_with_a_warning_and_still_scanned(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café menu\n".encode("latin-1") + f"mail {EMAIL}\n".encode())
    result = runner.invoke(app, ["detect", "-f", "jsonl", str(path)])
    assert result.exit_code == 0
    assert "not valid UTF-8" in result.stderr
    (record,) = _jsonl(result.stdout)
    assert (record["line"], record["column"]) == (2, 6)


def test_utf16_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    result = runner.invoke(app, ["detect", "-f", "jsonl", str(path)])
    assert result.exit_code == 0
    assert len(_jsonl(result.stdout)) == 1


def test_empty_file_is_noted_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["detect", str(path)])
    assert result.exit_code == 0
    assert f"{path}: empty" in result.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
    ],
)
def test_unreadable_inputs_give_one_line_and_status_2(
    tmp_path: Path, letter: Path, make: object, message: str
) -> None:
    bad = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(app, ["detect", "-f", "jsonl", str(bad), str(letter)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert len(_jsonl(result.stdout)) == 1  # the readable file was still scanned
    assert "Traceback" not in result.output


def test_permission_denied_is_reported(
    tmp_path: Path, letter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Root ignores file modes, so the refusal is simulated at the open call.
    monkeypatch.setattr(detect_module, "open", denied, raising=False)
    result = runner.invoke(app, ["detect", str(letter)])
    assert result.exit_code == 2
    assert f"{letter}: permission denied" in result.stderr


def test_redact_replaces_with_entity_names(letter: Path) -> None:
    result = runner.invoke(app, ["redact", "-e", "EMAIL_ADDRESS", str(letter)])
    assert result.exit_code == 0
    assert result.stdout == TEXT.replace(EMAIL, "[EMAIL_ADDRESS]")


def test_redact_mask_style_keeps_the_length(letter: Path) -> None:
    result = runner.invoke(app, ["redact", "--style", "mask", "-e", "EMAIL_ADDRESS", str(letter)])
    assert result.exit_code == 0
    assert result.stdout == TEXT.replace(EMAIL, "*****.******@*******.***")


def test_redact_to_output_file(letter: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = runner.invoke(app, ["redact", str(letter), "--output", str(out)])
    assert result.exit_code == 0
    assert EMAIL not in out.read_text(encoding="utf-8")
    assert letter.read_text(encoding="utf-8") == TEXT
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_redact_refuses_to_overwrite_its_input(letter: Path) -> None:
    result = runner.invoke(app, ["redact", str(letter), "-o", str(letter)])
    assert result.exit_code == 2
    assert letter.read_text(encoding="utf-8") == TEXT


def test_redact_sample_letter_leaves_no_identifier() -> None:
    result = runner.invoke(app, ["redact", str(SAMPLE)])
    assert result.exit_code == 0
    for value in ("656 873 2745", "RZ 26 28 77 B", "GB16 STHO 4017 6231 9268 45"):
        assert value not in result.stdout


def _random_chunks(text: str, rng: random.Random) -> list[str]:
    cuts = sorted(rng.sample(range(1, len(text)), k=min(40, len(text) - 1)))
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _long_text() -> str:
    rng = random.Random(3)
    lines = []
    for i in range(400):
        if i % 7 == 0:
            lines.append(f"line {i}: mail user{i}@example.org now")
        else:
            lines.append("filler " * rng.randint(0, 12))
    return "\n".join(lines)


def test_line_index_matches_a_whole_text_count() -> None:
    text = _long_text()
    options = Options(window=64, margin=512)
    index = LineIndex(options.window + 2 * options.margin)
    chunks = _random_chunks(text, random.Random(1))
    located = [
        (finding.start, index.locate(finding.start))
        for finding in detect_module.stream_findings(
            detect_module._tee(chunks, index.feed), options
        )
    ]
    assert located
    for start, (line, column) in located:
        before = text[:start]
        assert line == before.count("\n") + 1
        assert column == start - (before.rfind("\n") + 1) + 1


def test_streamed_redaction_equals_whole_text_redaction() -> None:
    text = _long_text()
    options = Options(window=64, margin=512)
    out: list[str] = []
    redact_stream(_random_chunks(text, random.Random(2)), out.append, "entity", options)
    assert "".join(out) == redact(text, analyze(text))


def test_text_chunks_splits_multibyte_characters_across_reads() -> None:
    text = "ريم " * 3000 + EMAIL
    chunks = text_chunks(io.BytesIO(text.encode()), "x", read_bytes=7)
    assert chunks is not None
    assert "".join(chunks) == text


def test_installed_command_runs_and_reports_exit_codes(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "breachguard", "detect", "-f", "jsonl", str(SAMPLE)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert any(r["entity"] == "EMAIL_ADDRESS" for r in _jsonl(done.stdout))
    missing = subprocess.run(
        [sys.executable, "-m", "breachguard", "detect", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert missing.returncode == 2
    assert "no such file" in missing.stderr and "Traceback" not in missing.stderr
