"""The configuration: one ``breachguard.toml``, every key overridable by an environment variable.

A key is found as ``[section] key`` in the file, then ``BREACHGUARD_SECTION_KEY`` in the
environment overrides it. An unknown key or a wrong type is a ``ConfigError`` that names the key
and the file's line, so a person can fix it without reading a traceback.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from breachguard.extract.format import Limits

ENV_CONFIG = "BREACHGUARD_CONFIG"
ENV_HOME = "BREACHGUARD_HOME"
ENV_DATABASE_URL = "BREACHGUARD_DATABASE_URL"
DEFAULT_FILE = "breachguard.toml"


class ConfigError(ValueError):
    """A mistake in the configuration, with where it is and what would be right."""


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str = ""
    internal_domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    organisation: Organisation = field(default_factory=Organisation)
    database_url: str = ""
    scan: Limits = field(default_factory=Limits)
    home: Path = Path(".breachguard")
    source: str = "(defaults)"

    @property
    def effective_database_url(self) -> str:
        """The database URL, or the embedded SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{(self.home / 'breachguard.db').as_posix()}"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "m": 1000**2, "g": 1000**3, "t": 1000**4}


def parse_size(value: object) -> int:
    """Bytes from ``123``, ``"512MB"``, ``"2 GiB"``, ``"64k"``."""
    if isinstance(value, bool):
        raise ValueError("expected a size such as 512MB")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("a size cannot be negative")
        return value
    if not isinstance(value, str) or not (m := _SIZE.match(value)):
        raise ValueError("expected a size such as 512MB or 2GiB")
    number, unit = float(m.group(1)), (m.group(2) or "").lower()
    binary = "i" in unit
    letter = unit[:1] if unit[:1] in "kmgt" else ""
    scale = 1024 ** "kmgt".index(letter) * 1024 if binary and letter else _UNITS[letter]
    return int(number * scale)


def _positive_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError("expected a positive number")
    return float(value)


def _positive_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("expected a positive whole number")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text in quotes")
    return value


def _domains(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError('expected a list of domains, e.g. ["council.gov.uk"]')
    return tuple(v.strip().lower().lstrip("@") for v in value)


_SCAN_KEYS: dict[str, Callable[[object], Any]] = {
    "max_file_bytes": parse_size,
    "max_total_bytes": parse_size,
    "max_text_chars": _positive_int,
    "max_ratio": _positive_float,
    "max_depth": _positive_int,
    "max_members": _positive_int,
    "max_seconds": _positive_float,
}
_SCHEMA: dict[str, dict[str, Callable[[object], Any]]] = {
    "organisation": {"name": _text, "internal_domains": _domains},
    "database": {"url": _text},
    "scan": _SCAN_KEYS,
}
# Sections later issues fill in; accepted now so a config written for them is not rejected.
_RESERVED_SECTIONS = {"gateway", "policy", "web", "transfer", "register"}


def load(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The configuration from ``path`` (or $BREACHGUARD_CONFIG, or ./breachguard.toml if present)."""
    env = os.environ if env is None else env
    chosen = path or env.get(ENV_CONFIG)
    if chosen is None and Path(DEFAULT_FILE).is_file():
        chosen = DEFAULT_FILE
    raw: dict[str, Any] = {}
    text = ""
    source = "(defaults)"
    if chosen is not None:
        file = Path(chosen)
        source = str(file)
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{file}: no such configuration file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: cannot be read ({exc})") from None
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file}: not valid TOML: {exc}") from None

    values: dict[str, dict[str, Any]] = {section: {} for section in _SCHEMA}
    for section, table in raw.items():
        if section in _RESERVED_SECTIONS:
            continue
        if section not in _SCHEMA:
            raise ConfigError(
                f"{_where(source, text, section)}: unknown section [{section}]; "
                f"expected one of {', '.join(sorted(_SCHEMA | dict.fromkeys(_RESERVED_SECTIONS)))}"
            )
        if not isinstance(table, dict):
            raise ConfigError(f"{_where(source, text, section)}: {section} must be a [section]")
        for key, value in table.items():
            values[section][key] = _convert(source, text, section, key, value)

    for section, keys in _SCHEMA.items():
        for key in keys:
            name = f"BREACHGUARD_{section}_{key}".upper()
            if name in env:
                value = _env_value(env[name])
                values[section][key] = _convert(f"environment {name}", "", section, key, value)
    if ENV_DATABASE_URL in env:
        values["database"]["url"] = env[ENV_DATABASE_URL]

    limits = replace(Limits(), **values["scan"])
    organisation = Organisation(**values["organisation"])
    return Config(
        organisation=organisation,
        database_url=values["database"].get("url", ""),
        scan=limits,
        home=Path(env.get(ENV_HOME, ".breachguard")),
        source=source,
    )


def _env_value(raw: str) -> object:
    """An environment value read as a TOML value when it is one (7, 1.5, ["a"]), else as text."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _convert(source: str, text: str, section: str, key: str, value: object) -> object:
    converters = _SCHEMA[section]
    if key not in converters:
        raise ConfigError(
            f"{_where(source, text, key, section)}: unknown key {section}.{key}; "
            f"expected one of {', '.join(converters)}"
        )
    try:
        return converters[key](value)
    except ValueError as exc:
        raise ConfigError(
            f"{_where(source, text, key, section)}: {section}.{key} = {value!r}: {exc}"
        ) from None


def _where(source: str, text: str, key: str, section: str | None = None) -> str:
    """``file line N`` for the first line that sets ``key`` (inside ``section`` if given)."""
    if not text:
        return source
    current = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\]\s]+)\s*\]", stripped)
        if header:
            current = header.group(1)
            if section is None and current == key:
                return f"{source} line {number}"
            continue
        if (section is None or current == section) and re.match(
            rf"^{re.escape(key)}\s*=", stripped
        ):
            return f"{source} line {number}"
    return source


def limit_names() -> tuple[str, ...]:
    """The ``[scan]`` keys, for help texts."""
    return tuple(f.name for f in fields(Limits))
