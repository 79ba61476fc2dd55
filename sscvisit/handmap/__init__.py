"""The hand map as plain data: geometry of both hands and the commands that edit a visit's map.

No Qt and no database here: the Qt widget (sscvisit.ui.hand_map), the services and, later, the
PDF casebook all use the same data.
"""

from sscvisit.handmap.commands import (
    AddUlcer,
    Command,
    EditUlcer,
    MapError,
    MapState,
    MoveUlcer,
    RemoveUlcer,
    UlcerMark,
    apply,
    carry_forward,
    recurrence_candidate,
)
from sscvisit.handmap.geometry import HandOutline, Region, hit_test, outline, region, regions

__all__ = [
    "AddUlcer",
    "Command",
    "EditUlcer",
    "HandOutline",
    "MapError",
    "MapState",
    "MoveUlcer",
    "Region",
    "RemoveUlcer",
    "UlcerMark",
    "apply",
    "carry_forward",
    "hit_test",
    "outline",
    "recurrence_candidate",
    "region",
    "regions",
]
