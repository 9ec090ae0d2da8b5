"""Which measures stand for which partnership priority (configurable), with a default for the seed's themes.

A measure is a police.uk category or a partner measure code: the slug of the incidents app's partner Measure
(the same codes the interventions app's outcome indicators use, e.g. `police-recorded-domestic-abuse`).
Where police.uk has no category for a priority we say so rather than pick a misleading proxy.
`lower_is_better = None` marks a measure reported for context only: for domestic abuse and hate crime more
recording often means more confidence to report, and drug offences mostly reflect proactive policing, so a rise
is not simply "worse".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

POLICE_UK = "police.uk"
PARTNER = "partner"

POLICE_UK_CATEGORIES = (
    "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
    "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
    "Vehicle crime", "Violence and sexual offences",
)


@dataclass(frozen=True)
class Measure:
    code: str                            # police.uk category name, or a partner measure code
    source: str = POLICE_UK
    label: str = ""
    lower_is_better: bool | None = True  # None: context only — no better/worse judgement
    target_change: float | None = None   # e.g. −0.05: "5% fewer than the same period a year earlier"
    note: str = ""

    def __post_init__(self):
        if self.source not in (POLICE_UK, PARTNER):
            raise ValueError(f"measure {self.code!r}: source must be {POLICE_UK!r} or {PARTNER!r}")
        if self.source == POLICE_UK and self.code not in POLICE_UK_CATEGORIES:
            raise ValueError(f"measure {self.code!r}: not a police.uk category")

    @property
    def name(self) -> str:
        return self.label or self.code


@dataclass(frozen=True)
class Priority:
    theme: str
    name: str
    measures: tuple[Measure, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Taxonomy:
    priorities: tuple[Priority, ...] = field(default_factory=tuple)

    def for_category(self, category: str) -> list[Priority]:
        return [p for p in self.priorities if any(m.source == POLICE_UK and m.code == category for m in p.measures)]

    def as_dict(self) -> dict:
        return {"priorities": [asdict(p) for p in self.priorities]}

    @classmethod
    def from_dict(cls, data: Mapping) -> Taxonomy:
        """Build from the JSON/YAML-shaped dict `as_dict` writes; errors name the priority and measure."""
        priorities = []
        for n, item in enumerate(data.get("priorities", []), start=1):
            try:
                measures = tuple(Measure(**m) for m in item.get("measures", []))
                priorities.append(Priority(item["theme"], item["name"], measures, item.get("note", "")))
            except (KeyError, TypeError, ValueError) as error:
                raise ValueError(f"taxonomy, priority {n} ({item.get('name', '?')}): {error}") from None
        return cls(tuple(priorities))


def _burglary_note() -> str:
    return ("police.uk has one Burglary category; it does not separate dwelling (residential) from non-dwelling "
            "(business and community) burglary.")


WORCESTER_DEFAULT = Taxonomy((
    Priority("Safer Homes", "Dwelling and Non-Dwelling Burglary",
             (Measure("Burglary", label="Burglary (police.uk)", note=_burglary_note()),)),
    Priority("Safer Homes", "Domestic Abuse",
             (Measure("police-recorded-domestic-abuse", PARTNER, "Police-recorded domestic abuse", lower_is_better=None,
                      note="Domestic abuse-related incidents and crimes from West Mercia Police's own returns."),
              Measure("dawn-referrals", PARTNER, "DAWN domestic abuse referrals received", lower_is_better=None,
                      note="Referrals to a support service: more can mean better reach, so it is context only."),),
             note="police.uk has no domestic abuse category (it is a flag on offences, not a crime type): "
                  "partner measures only."),
    Priority("Safer People", "Hate Crime",
             (Measure("police-recorded-hate-crime", PARTNER, "Police-recorded hate crime", lower_is_better=None,
                      note="Hate crimes from West Mercia Police's own returns."),),
             note="police.uk has no hate crime category (hate is a flag on offences): partner measures only."),
    Priority("Safer People", "Modern Slavery, Exploitation and Child Exploitation",
             (Measure("nrm-referrals", PARTNER, "National Referral Mechanism referrals", lower_is_better=None),),
             note="No police.uk category: partner measures only."),
    Priority("Safer People", "Counter Terrorism", (),
             note="No police.uk category, and no suitable public performance measure: reported by narrative only."),
    Priority("Safer People", "Drug and Alcohol related Crime",
             (Measure("Drugs", label="Drug offences (police.uk)", lower_is_better=None,
                      note="police.uk Drugs counts drug offences, mostly possession found by proactive policing; a "
                           "rise can mean more enforcement. Alcohol-related crime cannot be identified in "
                           "police.uk."),)),
    Priority("Safer People", "Anti-social Behaviour",
             (Measure("Anti-social behaviour", label="Anti-social behaviour incidents (police.uk)",
                      note="Police-recorded ASB incidents only; council-recorded ASB is a separate partner "
                           "measure."),)),
    Priority("Safer Roads", "Reduction of those Killed or Seriously injured",
             (Measure("road-casualties-ksi", PARTNER, "Killed or seriously injured casualties",
                      note="Reported road casualties (STATS19), killed or seriously injured."),),
             note="Road casualties are not in police.uk: use the Department for Transport STATS19 data."),
    Priority("Safer Roads", "Travelling criminality", (),
             note="No police.uk proxy: where offenders live is not published, so travelling criminality cannot be "
                  "measured from police.uk."),
))
