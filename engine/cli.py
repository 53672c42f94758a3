"""The engine's command line: `python -m engine describe [options] IMAGE_OR_FOLDER...`
and `python -m engine serve` (JSON lines for the window, see engine/serve.py).

One line per picture: its text, or with --json an object with path, text, style, timings_ms
and provider; a picture that cannot be described gets an `error` sentence instead and the
others still run. The exit status is 0 only if every picture was described.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from pathlib import Path

from tqdm import tqdm

from engine.describe import DETAILS, STYLES, Describer
from engine.errors import LookaloudError
from engine.images import expand_inputs, load_image

# Below this many pictures a progress bar is more noise than help.
PROGRESS_FROM = 5


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lookaloud-describe", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    describe = commands.add_parser("describe", help="describe pictures or folders of pictures")
    describe.add_argument("images", nargs="+", metavar="IMAGE",
                          help="a picture, or a folder: its pictures, recursively, sorted")
    describe.add_argument("--json", action="store_true", help="one JSON object per line")
    describe.add_argument("--style", choices=STYLES, default="casual")
    describe.add_argument("--detail", choices=DETAILS, default="short",
                          help="full: also read all the text on the picture, in reading order")
    describe.add_argument("--samples", type=int, default=1,
                          help="how many different descriptions to give (default 1)")
    describe.add_argument("--seed", type=int, default=None, help="makes --samples repeatable")
    describe.add_argument("--model", type=Path, default=None,
                          help="a model bundle folder (default: the bundled model)")
    describe.add_argument("--csv", type=Path, default=None,
                          help="also write path,text rows to this file (alt text)")
    describe.add_argument("--threads", type=int, default=2, help="CPU threads (default 2)")
    describe.add_argument("--cpu", action="store_true", help="do not try the GPU")
    serve = commands.add_parser("serve", help="answer JSON requests on stdin (for the window)")
    serve.add_argument("--model", type=Path, default=None)
    serve.add_argument("--threads", type=int, default=2)
    serve.add_argument("--cpu", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="lookaloud: %(message)s")
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        from engine.serve import Server

        Server(args.model, args.threads, use_gpu=not args.cpu).serve(sys.stdin)
        return 0
    if args.samples < 1:
        print("lookaloud: --samples must be at least 1.", file=sys.stderr)
        return 2
    return describe(args)


def describe_main(argv: list[str] | None = None) -> int:
    """The `lookaloud-describe` command: the same as `python -m engine describe`."""
    return main(["describe", *(sys.argv[1:] if argv is None else argv)])


def describe(args: argparse.Namespace) -> int:
    paths = list(expand_inputs(args.images))
    if not paths:
        print("lookaloud: no pictures were found in the folders given.", file=sys.stderr)
        return 1
    describer, model_problem = None, None
    try:
        describer = Describer(args.model, threads=args.threads, use_gpu=not args.cpu)
    except LookaloudError as error:
        model_problem = str(error)

    rows: list[tuple[str, str]] = []
    failures = 0
    progress = tqdm(paths, unit="image", disable=len(paths) < PROGRESS_FROM, file=sys.stderr)
    for path in progress:
        result = _describe_one(describer, model_problem, path, args)
        if "error" in result:
            failures += 1
        else:
            rows.append((str(path), result["text"]))
        _print(result, args.json, several=len(paths) > 1)
    if args.csv is not None:
        with open(args.csv, "w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["path", "text"])
            writer.writerows(rows)
    return 0 if failures == 0 else 1


def _describe_one(describer: Describer | None, model_problem: str | None, path: Path,
                  args: argparse.Namespace) -> dict:
    try:
        if describer is None:
            load_image(path)  # a broken picture is the first thing to tell the user about
            return {"path": str(path), "error": model_problem}
        description = describer.describe_file(
            path, style=args.style, samples=args.samples, seed=args.seed, detail=args.detail
        )
    except LookaloudError as error:
        return {"path": str(path), "error": str(error)}
    result = {
        "path": str(path),
        "text": description.text,
        "style": description.style,
        "timings_ms": {name: round(ms, 2) for name, ms in description.timings_ms.items()},
        "provider": description.provider,
    }
    if description.alternatives:
        result["samples"] = [description.text, *description.alternatives]
    if description.text_lines is not None:
        result["text_lines"] = description.text_lines
        result["details"] = description.details
    return result


def _print(result: dict, as_json: bool, several: bool) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False), flush=True)
    elif "error" in result:
        print(f"{result['path']}: {result['error']}", file=sys.stderr, flush=True)
    else:
        texts = result.get("samples", [result["text"]])
        if "details" in result:
            texts = [result["details"], *texts[1:]]
        prefix = f"{result['path']}: " if several else ""
        for text in texts:
            print(prefix + text, flush=True)
