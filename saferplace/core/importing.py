"""What every `saferplace import <kind> PATH` module shares (ADR 0302): its PATH, --check and --format options, a
missing file as a usage error (exit 2), and the line that says a file was refused (exit 1)."""

from pathlib import Path


def add_file_arguments(parser, path_help: str) -> None:
    parser.add_argument("path", metavar="PATH", help=path_help)
    parser.add_argument("--check", action="store_true", help="Check only: report, load nothing")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def input_file(kind: str, options: dict, stderr) -> Path | None:
    """PATH when it is a file; otherwise None, having said so on standard error (the kind then returns 2)."""
    path = Path(options["path"])
    if not path.is_file():
        stderr.write(f"saferplace import {kind}: no such file: {path}")
        return None
    return path


def refused_line(path) -> str:
    return f"REFUSED {path}: nothing was loaded from it."
