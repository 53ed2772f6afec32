"""Title breaking time against the title's length: linear is the bar (issue 14), the old
exhaustive search was exponential. Segmenter loading is left out (warmed first).

Run: python bench/titles.py
"""

from __future__ import annotations

import time

from planwriter.render.titles import break_title

PIECE = "加强城乡社区治理现代化建设"


def main() -> None:
    break_title("关于" + PIECE * 2 + "的通知", 19)  # loads the segmenter once
    print(f"{'characters':>10} {'lines':>6} {'ms':>9} {'ms per character':>17}")
    for repeat in (2, 4, 8, 16, 32):
        title = "某某市民政局关于" + PIECE * repeat + "的通知"
        start = time.perf_counter()
        lines = break_title(title, 19)
        took = (time.perf_counter() - start) * 1000
        print(f"{len(title):>10} {len(lines):>6} {took:>9.2f} {took / len(title):>17.4f}")


if __name__ == "__main__":
    main()
