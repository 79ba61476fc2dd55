"""Semi-quantitative nailfold capillaroscopy summary and Microangiopathy Evolution Score (MES).

Sources: Cutolo M, et al. J Rheumatol 2000;27:155-160 (scleroderma patterns, semi-quantitative
scoring 0-3 per parameter: 0 none, 1 < 33%, 2 33-66%, 3 > 66%); Sulli A, et al. Ann Rheum Dis
2008;67:885-887 (MES = loss + disorganisation + ramified capillaries, 0-9); Smith V, et al.
Autoimmun Rev 2019;18:102394 (fast track algorithm, fingers 2-5 of both hands).

Per patient each parameter is the mean over the assessable fingers. A finger is "not assessable"
when it is absent or none of its parameters is scored; it is then left out rather than counted
as 0, so a poor-quality image never makes the microangiopathy look milder.
"""

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = ["FINGERS", "MAX_SCORE", "MES_PARAMETERS", "PARAMETERS", "summary"]

FINGERS: tuple[str, ...] = ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")
"""Finger codes: D2-D5 of the left and right hand."""

PARAMETERS: tuple[str, ...] = (
    "enlarged",
    "giant",
    "haemorrhages",
    "loss",
    "disorganisation",
    "ramified",
)
"""Semi-quantitatively scored parameters, each 0-3."""

MES_PARAMETERS: tuple[str, ...] = ("loss", "disorganisation", "ramified")
"""Parameters whose means add up to the Microangiopathy Evolution Score (Sulli 2008)."""

MAX_SCORE = 3
"""Highest semi-quantitative score of a parameter (> 66%)."""


def _round2(value: Fraction) -> float:
    """Round an exact fraction half up to 2 decimals (0.125 -> 0.13, as done by hand)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _checked_scores(finger: str, scores: Mapping[str, int | None]) -> dict[str, int]:
    """Return the finger's non-missing scores, raising ValueError on any bad item."""
    present: dict[str, int] = {}
    for parameter, value in scores.items():
        if parameter not in PARAMETERS:
            raise ValueError(f"finger {finger}: unknown capillaroscopy parameter {parameter!r}")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SCORE:
            raise ValueError(
                f"finger {finger}, parameter {parameter}: score must be an integer 0-{MAX_SCORE} "
                f"or None, got {value!r}"
            )
        present[parameter] = value
    return present


def summary(fingers: Mapping[str, Mapping[str, int | None]]) -> dict[str, float | None]:
    """Return the per-patient means, the MES and the number of assessable fingers.

    Keys: each of PARAMETERS (mean over the assessable fingers that score it, None if none),
    "mes" (None unless loss, disorganisation and ramified all have a mean) and
    "assessable_fingers" (a float count). Means and MES are rounded half up to 2 decimals; the MES
    is the rounded sum of the exact means. Raises ValueError naming an unknown finger, or the
    finger and parameter of an unknown parameter or out-of-range score.
    """
    assessed: list[dict[str, int]] = []
    for finger, scores in fingers.items():
        if finger not in FINGERS:
            raise ValueError(
                f"unknown capillaroscopy finger {finger!r}; expected one of {', '.join(FINGERS)}"
            )
        present = _checked_scores(finger, scores)
        if present:
            assessed.append(present)

    means: dict[str, Fraction | None] = {}
    for parameter in PARAMETERS:
        values = [scores[parameter] for scores in assessed if parameter in scores]
        means[parameter] = Fraction(sum(values), len(values)) if values else None

    result: dict[str, float | None] = {
        parameter: None if mean is None else _round2(mean) for parameter, mean in means.items()
    }
    mes_terms = [means[parameter] for parameter in MES_PARAMETERS]
    result["mes"] = (
        None
        if any(term is None for term in mes_terms)
        else _round2(sum((term for term in mes_terms if term is not None), Fraction(0)))
    )
    result["assessable_fingers"] = float(len(assessed))
    return result
