"""Creating LSOAs the first time police.uk rows mention them."""

from .models import Area, Level


def lad_name_of_lsoa(lsoa_name: str) -> str:
    """'Worcester 001A' -> 'Worcester'; 'Telford and Wrekin 025E' -> 'Telford and Wrekin'."""
    return lsoa_name.rsplit(" ", 1)[0] if " " in lsoa_name else ""


def ensure_lsoas(pairs: dict[str, str]) -> dict[str, Area]:
    """Return the LSOA areas for {code: name}, creating unseen ones under their district when known.

    The generation of an LSOA first seen in police.uk data is not known from the row, so it is left
    empty until a boundary lookup is loaded.
    """
    existing = {a.code: a for a in Area.objects.filter(code__in=pairs)}
    missing = {code: name for code, name in pairs.items() if code not in existing}
    if missing:
        districts = {
            a.name: a
            for a in Area.objects.filter(
                level=Level.DISTRICT, name__in={lad_name_of_lsoa(n) for n in missing.values()}
            )
        }
        Area.objects.bulk_create(
            [
                Area(code=code, name=name, level=Level.LSOA, parent=districts.get(lad_name_of_lsoa(name)))
                for code, name in missing.items()
            ],
            ignore_conflicts=True,
        )
        existing.update({a.code: a for a in Area.objects.filter(code__in=missing)})
    return existing
