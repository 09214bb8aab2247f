from __future__ import annotations

from pathlib import Path

import pytest

from breachguard.config import ConfigError, load, parse_size


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "breachguard.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load(env={})
    assert config.source == "(defaults)"
    assert config.effective_database_url == "sqlite:///.breachguard/breachguard.db"
    assert config.scan.max_depth == 10


def test_file_values_and_environment_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[organisation]\nname = "Kentish Borough"\ninternal_domains = ["Kent.example", "@staff.example"]\n'
        '[scan]\nmax_file_bytes = "64MB"\nmax_depth = 4\n',
    )
    config = load(path, env={"BREACHGUARD_SCAN_MAX_DEPTH": "7", "BREACHGUARD_HOME": str(tmp_path)})
    assert config.organisation.internal_domains == ("kent.example", "staff.example")
    assert config.scan.max_file_bytes == 64_000_000
    assert config.scan.max_depth == 7
    assert config.home == tmp_path


def test_environment_value_must_have_the_right_type(tmp_path: Path) -> None:
    path = write(tmp_path, "[scan]\nmax_depth = 4\n")
    with pytest.raises(ConfigError, match="BREACHGUARD_SCAN_MAX_DEPTH"):
        load(path, env={"BREACHGUARD_SCAN_MAX_DEPTH": "seven"})


def test_unknown_key_names_the_key_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[organisation]\nname = "x"\n\n[scan]\nmax_depht = 3\n')
    with pytest.raises(ConfigError) as err:
        load(path, env={})
    message = str(err.value)
    assert "line 5" in message and "scan.max_depht" in message and "max_depth" in message


def test_wrong_type_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[scan]\nmax_ratio = -3\n")
    with pytest.raises(ConfigError, match=r"line 2: scan.max_ratio = -3: expected a positive"):
        load(path, env={})


def test_unknown_section_and_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"line 1: unknown section \[scna\]"):
        load(write(tmp_path, "[scna]\nx = 1\n"), env={})
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(write(tmp_path, "[scan\n"), env={})
    with pytest.raises(ConfigError, match="no such configuration file"):
        load(tmp_path / "missing.toml", env={})


def test_database_url_from_environment(tmp_path: Path) -> None:
    config = load(
        write(tmp_path, '[database]\nurl = "sqlite:///x.db"\n'),
        env={"BREACHGUARD_DATABASE_URL": "postgresql://db/test"},
    )
    assert config.effective_database_url == "postgresql://db/test"


@pytest.mark.parametrize(
    ("text", "size"),
    [
        (512, 512),
        ("512MB", 512_000_000),
        ("2GiB", 2 * 1024**3),
        ("64k", 64_000),
        ("1.5 MiB", 1_572_864),
    ],
)
def test_sizes(text: object, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("bad", ["lots", -1, True, "5 parsecs"])
def test_bad_sizes(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_size(bad)
