"""Live score update: median time of one ``compute_scores`` call per instrument, against 5 ms.

The entry form recomputes every score after each keystroke (issue 5: "a score update after a
keystroke takes under 5 ms"). Each instrument is timed on a complete form, which is the most
work the scoring does; the first (cold) call, which also reads the instrument file, is shown apart.
"""

from __future__ import annotations

import statistics
import time

from sscvisit.services.questionnaires import Answer

BUDGET_MS = 5.0
CALLS = 500


def _full_form(code: str) -> dict[str, Answer]:
    from sscvisit.services.instruments import load_instrument

    form: dict[str, Answer] = {}
    for item in load_instrument(code).items:
        if item.kind == "code":
            form[item.code] = Answer(item.options[-1])
        elif item.kind == "text":
            form[item.code] = Answer("reference")
        elif item.kind == "flag":
            form[item.code] = Answer(0)
        else:
            assert item.maximum is not None
            form[item.code] = Answer(item.maximum)
    return form


def main() -> None:
    from sscvisit.services.instruments import INSTRUMENT_CODES
    from sscvisit.services.questionnaires import compute_scores

    print(f"compute_scores, median of {CALLS} calls on a complete form (budget {BUDGET_MS} ms)")
    worst = 0.0
    for code in INSTRUMENT_CODES:
        started = time.perf_counter()
        form = _full_form(code)
        compute_scores(code, form)
        cold = (time.perf_counter() - started) * 1000
        times = []
        for _ in range(CALLS):
            started = time.perf_counter()
            compute_scores(code, form)
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        worst = max(worst, median)
        verdict = "ok" if median < BUDGET_MS else "OVER BUDGET"
        print(
            f"  {code:<15} median {median:7.3f} ms   max {max(times):7.3f} ms   "
            f"first call {cold:7.3f} ms   budget {BUDGET_MS} ms  {verdict}"
        )
    print(f"worst median {worst:.3f} ms of {BUDGET_MS} ms")


if __name__ == "__main__":
    main()
