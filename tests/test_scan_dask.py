"""The same scan on a Dask cluster gives the same report as on local worker processes."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from breachguard import scanner
from breachguard.assess.report import as_json
from breachguard.scanner import ScanError, scan

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_report_equals_local(tmp_path: Path) -> None:
    with (tmp_path / "roster.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("Name", "Email", "Passport No"))
        writer.writerows(
            (f"Person {i}", f"p{i}@example.com", f"{100000000 + i}") for i in range(300)
        )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.txt").write_text("Diagnosis and mental health: a@example.com")
    with zipfile.ZipFile(tmp_path / "sub" / "bundle.zip", "w") as archive:
        archive.writestr("inner.txt", "b@example.com and c@example.com")
    (tmp_path / "sub" / "broken.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    local = as_json(scan([tmp_path], jobs=1))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        remote = as_json(scan([tmp_path], scheduler=cluster.scheduler_address))
    assert remote == local
    assert local["total"]["documents"] >= 3


def test_unreachable_scheduler_is_a_scan_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scanner, "DASK_CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text("a@example.com")
    with pytest.raises(ScanError, match="cannot reach the Dask scheduler"):
        scan([tmp_path], scheduler="tcp://127.0.0.1:9")
