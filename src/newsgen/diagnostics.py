"""Messages about content that name the file and line, and the error that carries one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsgen.article import SourceLocation


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    location: SourceLocation
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


class ContentError(Exception):
    """A content file newsgen cannot use; the build reports it and goes on."""

    def __init__(self, location: SourceLocation, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.diagnostic = Diagnostic(location, message)

    @property
    def location(self) -> SourceLocation:
        return self.diagnostic.location
