"""Where police.uk rows come from: files, folders of them, archive ZIPs, saved API answers.

A Source opens as a binary stream, so that every importer streams and never holds a whole file.
"""

import hashlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..categories import FORCES

SUFFIXES = {".csv", ".json", ".zip"}
MONTH_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2})(?!\d)")
KIND_IN_NAME = re.compile(r"-(street|outcomes|stop-and-search)(?:[-.]|$)")


@dataclass
class Source:
    name: str  # what the user sees: the path, or archive.zip!member
    size: int
    modified: datetime  # the file's timestamp (a ZIP member keeps the time police.uk wrote it)
    path: Path
    member: str | None = None
    quoted: bool | None = None  # whether a quote character appears anywhere, found while hashing

    def open(self):
        if self.member is None:
            return open(self.path, "rb")  # noqa: SIM115 (the caller closes it)
        archive = zipfile.ZipFile(self.path)
        stream = archive.open(self.member)
        stream._archive = archive  # kept alive with the member stream
        return stream

    @property
    def basename(self) -> str:
        return (self.member or self.path.name).rsplit("/", 1)[-1]

    @property
    def month_in_name(self) -> str | None:
        found = MONTH_IN_NAME.findall(self.basename)
        return found[-1] if found else None

    @property
    def kind_in_name(self) -> str | None:
        found = KIND_IN_NAME.search(self.basename.lower())
        return found.group(1) if found else None

    @property
    def force_in_name(self) -> str | None:
        stem = self.basename.lower()
        matches = [slug for slug in FORCES if re.search(rf"(?:^|[-_ ]){re.escape(slug)}(?:[-_ .]|$)", stem)]
        return max(matches, key=len) if matches else None

    @property
    def release(self) -> str:
        return self.modified.strftime("%Y-%m")

    def sha256(self) -> str:
        """The file's SHA-256; on the way, notes whether it holds a quote character (the fast CSV reader
        leaves such files to the csv module)."""
        digest = hashlib.sha256()
        quoted = False
        with self.open() as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                quoted = quoted or b'"' in chunk
        self.quoted = quoted
        return digest.hexdigest()


def _file_source(path: Path) -> Source:
    stat = path.stat()
    return Source(str(path), stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC), path)


def _zip_sources(path: Path) -> Iterator[Source]:
    with zipfile.ZipFile(path) as archive:
        infos = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
    for info in infos:
        if Path(info.filename).suffix.lower() in {".csv", ".json"} and not info.filename.startswith("__MACOSX"):
            yield Source(f"{path}!{info.filename}", info.file_size, datetime(*info.date_time, tzinfo=UTC), path,
                         info.filename)


def iter_sources(paths) -> Iterator[Source]:
    """Every loadable file under the given paths, archives opened, in a stable (sorted) order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            files = [path]
        for file in files:
            if file.suffix.lower() == ".zip" and zipfile.is_zipfile(file):
                yield from _zip_sources(file)
            else:
                yield _file_source(file)
