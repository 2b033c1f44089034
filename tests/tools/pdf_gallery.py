"""`make pdf-gallery`: export the golden set of PDFs and render every page to PNG for review.

The set: both samples on A4 and A3 landscape and A4 portrait, 40 stages, right-to-left text
(Hebrew and Arabic), Chinese, Japanese and Korean, emoji, an empty map, 2,000 touchpoints, and
the retail sample as an A0 poster on A4 sheets. For each PDF it prints the page count, the
export time and each page's fill (the share of the content frame's height down to the lowest
ink), and writes `OUT/NAME/page-N.png` plus a contact sheet `OUT/NAME.png`; `OUT/index.md`
has the table.

    python -m tests.tools.pdf_gallery [OUT]     (default build/pdf-gallery)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image

from app.pdf import write_pdf
from app.samples import sample_paths
from model.journey_file import load
from model.journey_map import JourneyMap
from tests.factories import large_map
from tests.pdf.page_fill import fill_ratios

RESOLUTION = 50  # dpi of the page images: enough to judge a layout, small enough to flip through


def _scripts_map(title: str, names: dict[str, list[str]]) -> JourneyMap:
    """Stages named by `names`' keys, each with its cards in the first lane, in one chain."""
    journey = JourneyMap()
    journey.set_info(title=title, client=title.split(" ")[0])
    for lane in ("Web", "Store"):
        journey.add_lane(lane, id=lane.lower())
    ids = []
    for s, (stage, titles) in enumerate(names.items()):
        journey.add_stage(stage, id=f"s{s}")
        for t, card in enumerate(titles):
            ids.append(journey.add_touchpoint(f"s{s}", "web", card, id=f"t{s}-{t}", emotion=(s + t) % 5 - 2).id)
    for source, target in zip(ids, ids[1:]):
        journey.add_connection(source, target, label="next" if source.endswith("0") else "")
    return journey


def _right_to_left_map() -> JourneyMap:
    """Hebrew and Arabic cards, with a description on the title page and one in the appendix
    long enough to wrap, so that the order and alignment of wrapped lines can be seen, and Latin
    text in brackets, so that the pairs can be seen."""
    journey = _scripts_map("מסע לקוח · رحلة العميل", {
        "מודעות": ["ראה מודעה ברשת", "שאל חבר"], "رحلة": ["مرحبا بالعالم", "الدفع عند الاستلام"],
        "רכישה": ["תשלום בקופה", "נשלח SMS (code) לך"]})
    journey.set_info(description="הלקוח רואה מודעה, שואל חבר, משווה מחירים באתר ומשלם בקופה. "
                                 "המסע הזה מראה איפה הוא נתקע ומה אפשר לשפר בכל שלב, מההתחלה ועד הסוף. "
                                 "כל כרטיס הוא רגע אחד במסע, וכל שורה היא ערוץ: האתר, החנות והטלפון (SMS).")
    journey.update_touchpoint("t1-0", description="يرى العميل الإعلان ثم يقرأ المراجعات ويقارن الأسعار "
                                                  "قبل أن يقرر الشراء من المتجر أو عبر الإنترنت (PayPal) في نهاية الأسبوع.")
    return journey


def golden_set() -> list[tuple[str, JourneyMap, dict]]:
    """(name, map, export options) of every PDF in the gallery."""
    samples = {path.stem: load(path) for path in sample_paths()}
    entries = []
    for stem, journey in samples.items():
        for page, orientation in (("A4", "landscape"), ("A3", "landscape"), ("A4", "portrait")):
            entries.append((f"{stem}-{page}-{orientation}", journey, {"page": page, "orientation": orientation}))
    entries += [
        ("forty-stages", large_map(touchpoints=160, stages=40, lanes=4, connections=200), {}),
        ("right-to-left", _right_to_left_map(), {}),
        ("chinese-japanese-korean", _scripts_map("顾客旅程 · カスタマージャーニー · 고객 여정", {
            "认知": ["看到广告", "朋友推荐"], "検討": ["店舗で試す", "レビューを読む"], "구매": ["온라인 결제"]}), {}),
        ("emoji", _scripts_map("Happy path 😀", {
            "Aware 👀": ["Sees ad 📱", "Friend 👍🏽 tip"], "Buy 💳": ["Pays 💶 online", "Team 🧑‍🤝‍🧑 help"],
            "Love ❤️": ["Made in 🇫🇷"]}), {}),
        ("empty", JourneyMap(), {}),
        ("two-thousand-touchpoints", large_map(), {"page": "A3"}),
        ("retail-poster-A0-on-A4", samples["retail-purchase"], {"page": "A0", "poster": "A4"}),
    ]
    return entries


def render(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page*.png"))


def contact_sheet(pages: list[Path], out: Path, columns: int = 4) -> None:
    images = [Image.open(page).convert("RGB") for page in pages]
    width, height = max(i.width for i in images), max(i.height for i in images)
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (columns * (width + 8), rows * (height + 8)), "#808080")
    for i, image in enumerate(images):
        sheet.paste(image, ((i % columns) * (width + 8) + 4, (i // columns) * (height + 8) + 4))
    sheet.save(out)


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "build/pdf-gallery")
    if shutil.which("pdftoppm") is None:
        print("pdf-gallery needs pdftoppm (Debian: apt-get install poppler-utils)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    lines = ["| PDF | pages | export | page fill (%) |", "| --- | ---: | ---: | --- |"]
    for name, journey, options in golden_set():
        pdf = out / f"{name}.pdf"
        start = time.perf_counter()
        write_pdf(journey, pdf, **options)
        seconds = time.perf_counter() - start
        pages = render(pdf, out / name)
        contact_sheet(pages[:48], out / f"{name}.png")
        fills = " ".join(f"{round(100 * ratio)}" for ratio in fill_ratios(pdf))
        lines.append(f"| {name} | {len(pages)} | {seconds:.2f} s | {fills} |")
        print(lines[-1], flush=True)
    (out / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {out}/index.md and a contact sheet per PDF.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
