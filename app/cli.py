"""The command line: `wayfinder [FILE]` opens the editor; sub-commands work without Qt.

Only the GUI path imports PySide6 (lazily, in `app.gui`), so validate, info and schema
run on machines with no display and no Qt libraries. Each command imports what only it needs
when it runs, so that a command such as `export` starts fast.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from app.slides.style import DEFAULT_SLIDE_SIZE, SLIDE_SIZES
from app.page_sizes import ORIENTATIONS, PAGE_CHOICES, POSTER_SHEETS
from model.errors import JourneyFileError
from model.journey_file import load
from model.journey_map import JourneyMap

if TYPE_CHECKING:
    from model.analysis import Insights


def _validate(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.files:
        try:
            load(path)
        except JourneyFileError as error:
            print(error, file=sys.stdout)
            bad += 1
    return 1 if bad else 0


def _titles(journey: JourneyMap, ids: list[str]) -> list[str]:
    return [journey.touchpoint(tp_id).title for tp_id in ids]


def map_summary(journey: JourneyMap, insights: "Insights") -> dict:
    """What `info` prints, and `info --json` as data: the map's shape and the questions analysis answers."""
    from app.insights_report import stage_averages

    return {
        "title": journey.info.title,
        "stages": [s.name for s in journey.stages],
        "lanes": [lane.name for lane in journey.lanes],
        "touchpoints": len(journey),
        "connections": journey.graph.number_of_edges(),
        "pain_points": insights.pains.total,
        "dead_ends": _titles(journey, insights.dead_ends),
        "unreachable": _titles(journey, insights.unreachable),
        "stage_averages": stage_averages(journey, insights),
    }


def _load_or_say(path: str) -> JourneyMap | None:
    """The map in `path`, or None once the reason it cannot be read is on stderr."""
    try:
        return load(path)
    except JourneyFileError as error:
        print(error, file=sys.stderr)
        return None


def _format_average(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _info(args: argparse.Namespace) -> int:
    from model.analysis import NO_FLOW_HINT, NO_FLOW_YET, analyse

    journey = _load_or_say(args.file)
    if journey is None:
        return 1
    insights = analyse(journey)
    summary = map_summary(journey, insights)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(summary["title"])
    print(f"  {len(summary['stages'])} stages: {' → '.join(summary['stages'])}")
    print(f"  {len(summary['lanes'])} lanes: {', '.join(summary['lanes'])}")
    print(f"  {summary['touchpoints']} touchpoints, {summary['connections']} connections, "
          f"{summary['pain_points']} pain points")
    if insights.flow_drawn:
        for label, key in (("Dead ends", "dead_ends"), ("Unreachable", "unreachable")):
            print(f"  {label}: {', '.join(summary[key]) if summary[key] else 'none'}")
    else:
        print(f"  {NO_FLOW_YET}: {NO_FLOW_HINT}")
    print("  Stage averages (meaning / value / accommodation, emotion):")
    for scores in summary["stage_averages"]:
        mva = " / ".join(_format_average(scores[k]) for k in ("meaning", "value", "accommodation"))
        print(f"    {scores['stage']}: {mva}, {_format_average(scores['emotion'])}")
    return 0


def _insights(args: argparse.Namespace) -> int:
    from app.insights_report import insights_report, report_lines
    from model.analysis import analyse
    from model.projection import persona_journey

    journey = _load_or_say(args.file)
    if journey is None:
        return 2
    if args.persona is not None:
        named = [p for p in journey.personas if p.name.casefold() == args.persona.casefold()]
        if not named:
            names = ", ".join(f'"{p.name}"' for p in journey.personas if p.name)
            known = f"its personas are {names}" if names else "it has no named persona"
            if len(journey.personas) == 1 and names:
                known = f"its persona is {names}"
            print(f'{args.file}: there is no persona "{args.persona}" in this map; {known}', file=sys.stderr)
            return 2
        journey = persona_journey(journey, named[0].id)  # the map as they live it: only what they meet
    report = insights_report(journey, analyse(journey))
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print("\n".join(report_lines(report)))
    problems = report["dead_ends"] or report["unreachable"] or report["merge_conflicts"]
    return 1 if args.fail_on_problems and problems else 0


def _export(args: argparse.Namespace) -> int:
    from app.exporters import ExportOptions, UnknownFormat, export_map

    # Loading the PDF code and laying out the document make many objects but few cycles: without
    # the collector going over them again and again, an export takes a twentieth less time.
    gc.disable()
    # A logo named on the command line is where the shell is; the map's own is beside the map.
    brand = {"client": args.client, "author": args.preparer, "accent": args.accent, "cover_note": args.note,
             "logo": str(Path(args.logo).resolve()) if args.logo else None}
    try:
        export_map(load(args.file), args.output, ExportOptions(
            page=args.page, orientation=args.orientation, scale=args.scale, slides=args.slides,
            brand={name: value for name, value in brand.items() if value}, folder=Path(args.file).parent,
            poster=args.poster or ""))
    except (JourneyFileError, UnknownFormat, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        gc.enable()
    return 0


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a colour; write it as #rrggbb, e.g. #0072b2")
    return value


def _import(args: argparse.Namespace) -> int:
    from app.exporters import UnknownFormat, import_map
    from model.journey_file import save

    try:
        journey, warnings = import_map(args.file)
        for warning in warnings:
            print(f"{args.file}: warning: {warning}", file=sys.stderr)
        save(journey, args.output)
    except (JourneyFileError, UnknownFormat) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _diff(args: argparse.Namespace) -> int:
    from app.team_commands import run_diff

    return run_diff(args)


def _merge(args: argparse.Namespace) -> int:
    from app.team_commands import run_merge

    return run_merge(args)


def _schema(args: argparse.Namespace) -> int:
    from model.document import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _commands() -> dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable]]:
    def validate(p):
        p.add_argument("files", nargs="+", metavar="FILE", help="map files to check")

    def info(p):
        p.add_argument("file", metavar="FILE")
        p.add_argument("--json", action="store_true", help="print a machine-readable summary")

    def insights(p):
        p.add_argument("file", metavar="MAP")
        p.add_argument("--json", action="store_true", help="print every finding as JSON for scripts")
        p.add_argument("--persona", metavar="NAME", help="the persona whose journey to analyse: only the touchpoints they meet, as they feel them")
        p.add_argument("--fail-on-problems", action="store_true",
                       help="exit 1 when the map has a dead end, an unreachable touchpoint or a merge conflict (for CI)")

    def export(p):
        p.add_argument("file", metavar="MAP", help="the .journey map to export")
        p.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="the file to write; its suffix picks the format")
        p.add_argument("--page", default="A4", choices=PAGE_CHOICES,
                       help="PDF page size; A1 and A0 print at wall size, 'fit' makes one page as large as the map "
                            "(default A4)")
        p.add_argument("--orientation", default="landscape", choices=ORIENTATIONS,
                       help="PDF page orientation (default landscape)")
        p.add_argument("--scale", type=float, default=2.0, help="PNG resolution as a multiple of 100%% (default 2)")
        p.add_argument("--slides", default=DEFAULT_SLIDE_SIZE, choices=list(SLIDE_SIZES),
                       help=f"PowerPoint slide shape (default {DEFAULT_SLIDE_SIZE})")
        p.add_argument("--poster", choices=POSTER_SHEETS, metavar="SHEET",
                       help="print the map at --page size (A0, A1, ... or fit) as a wall poster on sheets of "
                            f"SHEET ({', '.join(POSTER_SHEETS)}), with overlap and crop marks")
        brand = p.add_argument_group("PDF brand kit", "each defaults to the map's own (File → Export remembers them)")
        brand.add_argument("--client", help="who the map is for, on the title page and in every footer")
        brand.add_argument("--preparer", help="who prepared it ('Prepared by' and the PDF's author)")
        brand.add_argument("--logo", metavar="IMAGE", help="a PNG, JPEG or SVG logo for the title page")
        brand.add_argument("--accent", type=_colour, metavar="#RRGGBB", help="the brand colour of rules and labels")
        brand.add_argument("--note", help="a cover note to the reader on the title page")

    def import_(p):
        p.add_argument("file", metavar="IN",
                       help="a Mermaid journey (.mmd), a spreadsheet (.csv, .xlsx) or a JSON Canvas (.canvas)")
        p.add_argument("-o", "--output", required=True, metavar="OUT", help="the .journey map to write")

    def diff(p):
        p.add_argument("files", nargs="+", metavar="FILE",
                       help="OLD and NEW map files (or the seven arguments git passes a diff driver)")
        p.add_argument("--json", action="store_true", help="print the changes as JSON for tools")
        p.add_argument("--exit-code", action="store_true", help="exit 1 when the maps differ, as git diff does")

    def merge(p):
        p.add_argument("base", metavar="BASE", help="the common ancestor of the two versions")
        p.add_argument("ours", metavar="OURS", help="our version (git's %%A)")
        p.add_argument("theirs", metavar="THEIRS", help="their version (git's %%B)")
        p.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="where to write the merged map (for git: %%A); always a valid map")

    return {
        "diff": ("show what changed between two maps, in journey terms", diff, _diff),
        "merge": ("merge two versions of a map by card and field; exit 1 when conflicts are kept in OUT",
                  merge, _merge),
        "export": ("export a map as PDF, PowerPoint, Excel, JSON Canvas, Mermaid, CSV, PNG or SVG", export, _export),
        "import": ("make a map from a Mermaid journey, a CSV or Excel file, or a JSON Canvas", import_, _import),
        "validate": ("check map files; one line per bad file, exit 1 if any is bad", validate, _validate),
        "info": ("print a short summary of a map", info, _info),
        "insights": ("print everything the Insights dock shows: dead ends, paths, pain, gaps", insights, _insights),
        "schema": ("print the JSON Schema of the .journey format", lambda p: None, _schema),
    }


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wayfinder", description="Design customer journey maps.",
        epilog="Without a command, `wayfinder [FILE]` opens the editor.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_arguments, run) in _commands().items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(command)
        command.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in _commands() | {"-h": None, "--help": None}:
        args = _command_parser().parse_args(argv)
        return args.run(args)
    parser = argparse.ArgumentParser(
        prog="wayfinder",
        description="Open the journey map editor. Sub-commands: " + ", ".join(_commands()) + ".",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .journey map to open")
    args = parser.parse_args(argv)
    from app.gui import run_editor  # Qt is imported only for the window

    return run_editor(args.file)
