"""Typed exceptions with stable codes.

Every error rasd raises on purpose is a :class:`RasdError` subclass whose message starts with a stable
code (``R101``). Library code raises; only the CLI turns errors into messages and exit codes.

Code ranges: R1xx input and decoding, R2xx dictionaries and data files, R3xx configuration,
R4xx store, R5xx evaluation, R9xx internal.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class. ``code`` is stable across releases; ``where`` names the file and position."""

    code = "R900"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}[{self.code}] {self.message}"


class InputError(RasdError):
    """An input file or record cannot be read."""

    code = "R100"


class UnsupportedInputError(InputError):
    code = "R101"


class BinaryInputError(InputError):
    code = "R102"


class EmptyInputError(InputError):
    code = "R103"


class InputTooLargeError(InputError):
    code = "R104"


class DecodeError(InputError):
    """Bytes that are not valid in the detected encoding."""

    code = "R105"


class RecordError(InputError):
    """A JSON/JSONL record is malformed or lacks a text field."""

    code = "R106"


class FileNotFoundInputError(InputError):
    code = "R107"


class DictionaryError(RasdError):
    """A dictionary (data) file is malformed."""

    code = "R200"


class ConfigError(RasdError):
    """A configuration file or option is invalid."""

    code = "R300"


class PipelineError(ConfigError):
    """Pipeline stages are missing or in an order that cannot work."""

    code = "R301"


class StoreError(RasdError):
    """The database cannot be used."""

    code = "R400"


class EvaluationError(RasdError):
    code = "R500"


class NotARasdDatabaseError(StoreError):
    """The file or database exists but was not made by rasd (or is not a database at all)."""

    code = "R401"


class SchemaTooNewError(StoreError):
    """The database was written by a newer rasd, with a schema this version does not know."""

    code = "R402"


class StoreConnectionError(StoreError):
    """The database cannot be opened or reached (no such file, server down, connection lost)."""

    code = "R403"


class StoreWriteError(StoreError):
    """A write failed (disk full, lost connection ...); the batch was rolled back."""

    code = "R404"


class MissingExtraError(StoreError):
    """An optional dependency is not installed; the message names the extra to install."""

    code = "R405"


class WorkerError(RasdError):
    """A worker process stopped before it finished (killed, or out of memory)."""

    code = "R901"
