"""What every screen needs to know: the open study, who is logged in, and the language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sscvisit.services.dto import UserInfo
    from sscvisit.services.study import Study


@dataclass
class UiContext:
    study: Study
    user: UserInfo
    language: str = "en"
