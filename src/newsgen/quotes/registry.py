"""A named, ordered list of steps, so a reader sees the order and can add one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Registered(Generic[T]):
    name: str
    item: T
    priority: int


class Registry(Generic[T]):
    """Items kept in priority order (highest first), each under a unique name."""

    def __init__(self) -> None:
        self._entries: tuple[Registered[T], ...] = ()

    def register(self, item: T, name: str, priority: int) -> None:
        if name in self:
            raise ValueError(f"'{name}' is already registered")
        entries = [*self._entries, Registered(name, item, priority)]
        self._entries = tuple(sorted(entries, key=lambda entry: -entry.priority))

    def deregister(self, name: str) -> None:
        self._entries = tuple(entry for entry in self._entries if entry.name != name)

    def names(self) -> list[str]:
        return [entry.name for entry in self._entries]

    def __contains__(self, name: object) -> bool:
        return any(entry.name == name for entry in self._entries)

    def __getitem__(self, name: str) -> T:
        for entry in self._entries:
            if entry.name == name:
                return entry.item
        raise KeyError(name)

    def __iter__(self) -> Iterator[Registered[T]]:
        return iter(self._entries)  # a tuple: registering while iterating cannot disturb it

    def __len__(self) -> int:
        return len(self._entries)
