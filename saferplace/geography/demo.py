"""Demo geography: the Worcestershire districts of the South Worcestershire CSP, and the one Worcester
LSOA that split between the 2011 and 2021 LSOA generations (seen in the police.uk files)."""

from .models import Area, BoundaryGeneration, Level, Succession

COUNTY = ("E10000034", "Worcestershire")
DISTRICTS = [("E07000235", "Malvern Hills"), ("E07000237", "Worcester"), ("E07000238", "Wychavon")]
SPLIT_2011 = ("E01032295", "Worcester 013C")
SPLIT_2021 = [("E01034323", "Worcester 013E"), ("E01034324", "Worcester 013F")]
SOURCE = "ONS LSOA 2011 to 2021 change (CHGIND S); police.uk files file 013C to 2023-05 and 013E/013F after"


def load(stdout) -> None:
    county, _ = Area.objects.update_or_create(code=COUNTY[0], defaults={"name": COUNTY[1], "level": Level.COUNTY})
    districts = {}
    for code, name in DISTRICTS:
        districts[name], _ = Area.objects.update_or_create(
            code=code, defaults={"name": name, "level": Level.DISTRICT, "parent": county}
        )
    gen11, _ = BoundaryGeneration.objects.get_or_create(level=Level.LSOA, year=2011)
    gen21, _ = BoundaryGeneration.objects.get_or_create(level=Level.LSOA, year=2021)
    old, _ = Area.objects.update_or_create(
        code=SPLIT_2011[0], defaults={"name": SPLIT_2011[1], "level": Level.LSOA, "parent": districts["Worcester"]}
    )
    old.generations.set([gen11])
    for code, name in SPLIT_2021:
        new, _ = Area.objects.update_or_create(
            code=code, defaults={"name": name, "level": Level.LSOA, "parent": districts["Worcester"]}
        )
        new.generations.set([gen21])
        Succession.objects.update_or_create(
            predecessor=old, successor=new, defaults={"change": Succession.Change.SPLIT, "source": SOURCE}
        )
    stdout.write(f"Geography: {Area.objects.count()} areas.")
