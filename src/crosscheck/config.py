"""Project settings: ``[tool.crosscheck]`` in a pyproject.toml, or a crosscheck.toml, found the
way ruff finds its configuration.

From the dataset folder (or, without one, the current folder) up to the root, the first folder
holding a ``crosscheck.toml`` (its top-level keys) or a ``pyproject.toml`` with a
``[tool.crosscheck]`` table gives the settings; in one folder crosscheck.toml comes first. A
pyproject.toml without the table is passed over. Options on the command line win over the
file. Every mistake in the file is one line naming the file, the key, what was expected and
what was found, with a did-you-mean for an unknown key::

    select = ["QTY", "CTL"]          # the rules to run (codes, prefixes, names)
    ignore = ["SRC002"]              # rules to leave out
    preview = false                  # also run preview rules
    fail-on = "warning"              # error | warning | info | never
    format = "text"                  # text | json | markdown | sarif | html
    match-days = 1                   # infer sameness across dates up to 1 day apart …
    match-km = 10                    # … and places within 10 km (or nested): see Window
    [per-report-ignores]             # (in pyproject.toml: [tool.crosscheck.per-report-ignores])
    "wire-*" = ["SRC002"]            # rules whose findings in these reports are not reported

A per-report ignore drops a finding of a listed rule when every claim it cites comes from a
report whose id matches the pattern (shell-style, as `fnmatch`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from crosscheck.errors import CrosscheckError
from crosscheck.names import did_you_mean
from crosscheck.sameness import Window

__all__ = ["FILE", "KEYS", "Config", "ConfigError", "find", "load_config"]

FILE = "crosscheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "json", "markdown", "sarif", "html")
KEYS = (
    "select",
    "ignore",
    "preview",
    "fail-on",
    "format",
    "match-days",
    "match-km",
    "per-report-ignores",
)
"""Every setting a file may hold."""
DEFAULTS: Mapping[str, object] = {
    "select": None, "ignore": (), "preview": False, "fail-on": "info", "format": "text",
    "match-days": None, "match-km": None, "per-report-ignores": {},
}  # fmt: skip

MAX_DAYS = 30
"""The widest date window: beyond a month, two records are rarely one incident."""
MAX_KM = 500.0
"""The widest place window."""


class ConfigError(CrosscheckError):
    """A settings file crosscheck cannot use: one line, ``FILE: KEY: expected …, found …``."""


@attrs.frozen
class Config:
    """The settings in effect, each with where it came from."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]
    """For each key: the file it came from, "command line", or "default"."""
    file: Path | None
    """The settings file found, if any."""

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def window(self) -> Window | None:
        """The sameness window the match settings give, or None when neither is set."""
        days, km = self.values.get("match-days"), self.values.get("match-km")
        if days is None and km is None:
            return None
        return Window(days or 0, km)

    def given(self, **options: Any) -> Config:
        """These settings with the options given on the command line (None: not given) over
        them."""
        values, origins = dict(self.values), dict(self.origins)
        for name, value in options.items():
            key = name.replace("_", "-")
            if value is not None:
                values[key], origins[key] = value, "command line"
        return Config(values, origins, self.file)


def find(start: Path) -> tuple[Path, Mapping[str, Any]] | None:
    """The settings file that applies to `start` and its raw settings, or None."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / FILE
        if own.is_file():
            return own, _read(own)
        project = candidate / PYPROJECT
        if project.is_file():
            table = _read(project).get("tool", {})
            settings = table.get("crosscheck") if isinstance(table, dict) else None
            if settings is not None:
                if not isinstance(settings, dict):
                    raise ConfigError(f"{project}: tool.crosscheck: expected a table, found "
                                      f"{type(settings).__name__}")  # fmt: skip
                return project, settings
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"{path}: expected a readable UTF-8 file, found an error ({error})"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: expected valid TOML, found a syntax error ({error})") from None


def load_config(start: Path) -> Config:
    """The settings for a dataset at `start`: the defaults, with the file's over them."""
    values = dict(DEFAULTS)
    origins = dict.fromkeys(DEFAULTS, "default")
    found = find(start)
    if found is None:
        return Config(values, origins, None)
    path, raw = found
    prefix = "tool.crosscheck." if path.name == PYPROJECT else ""
    for key, value in raw.items():
        where = f"{path}: {prefix}{key}"
        if key not in KEYS:
            hint = did_you_mean(key, KEYS) or f"known settings: {', '.join(KEYS)}"
            raise ConfigError(f"{where}: expected a known setting, found {key!r} ({hint})")
        values[key] = _checked(where, key, value)
        origins[key] = str(path)
    return Config(values, origins, path)


def _checked(where: str, key: str, value: object) -> object:
    """`value` as setting `key` takes it, or a ConfigError saying what was expected."""
    if key in ("select", "ignore"):
        if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
            return tuple(value)
        raise ConfigError(f"{where}: expected a list of rule codes or names, found {value!r} "
                          f'(write ["QTY", "CTL001"])')  # fmt: skip
    if key == "preview":
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{where}: expected true or false, found {value!r}")
    if key in ("fail-on", "format"):
        choices = FAIL_ON if key == "fail-on" else FORMATS
        if isinstance(value, str) and value in choices:
            return value
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        raise ConfigError(f"{where}: expected one of {', '.join(choices)}, found {value!r}"
                          + (f" ({hint})" if hint else ""))  # fmt: skip
    if key == "match-days":
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DAYS:
            return value
        raise ConfigError(f"{where}: expected a whole number of days from 0 to {MAX_DAYS}, "
                          f"found {value!r}")  # fmt: skip
    if key == "match-km":
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and (0 <= value <= MAX_KM)
        ):
            return float(value)
        raise ConfigError(f"{where}: expected a distance in km from 0 to {MAX_KM:g}, found "
                          f"{value!r}")  # fmt: skip
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: expected a table of report patterns, found {value!r} '
                          '(write "wire-*" = ["SRC002"])')  # fmt: skip
    for pattern, rules in value.items():
        if not (isinstance(rules, list) and rules and all(isinstance(r, str) for r in rules)):
            raise ConfigError(f"{where}.{pattern}: expected a list of rule codes or names, "
                              f"found {rules!r}")  # fmt: skip
    return {pattern: tuple(rules) for pattern, rules in value.items()}
