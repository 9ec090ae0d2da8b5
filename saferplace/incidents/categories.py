"""police.uk's vocabularies: the 14 crime types, their API slugs and older names, outcome names and forces."""

from django.db import models


class Category(models.IntegerChoices):
    ASB = 1, "Anti-social behaviour"
    BICYCLE_THEFT = 2, "Bicycle theft"
    BURGLARY = 3, "Burglary"
    CRIMINAL_DAMAGE = 4, "Criminal damage and arson"
    DRUGS = 5, "Drugs"
    OTHER_CRIME = 6, "Other crime"
    OTHER_THEFT = 7, "Other theft"
    WEAPONS = 8, "Possession of weapons"
    PUBLIC_ORDER = 9, "Public order"
    ROBBERY = 10, "Robbery"
    SHOPLIFTING = 11, "Shoplifting"
    THEFT_FROM_PERSON = 12, "Theft from the person"
    VEHICLE_CRIME = 13, "Vehicle crime"
    VIOLENCE = 14, "Violence and sexual offences"
    # Older taxonomy kept as published (not re-mapped: "Public disorder and weapons" covers two of today's).
    VIOLENT_CRIME_OLD = 15, "Violent crime"
    PUBLIC_DISORDER_OLD = 16, "Public disorder and weapons"


CATEGORY_BY_NAME = {label: value for value, label in Category.choices}
CURRENT_CATEGORIES = [label for value, label in Category.choices if value <= 14]
OLD_CATEGORIES = {"Violent crime", "Public disorder and weapons"}
ASB_NAME = Category.ASB.label

API_SLUGS = {
    "anti-social-behaviour": "Anti-social behaviour",
    "bicycle-theft": "Bicycle theft",
    "burglary": "Burglary",
    "criminal-damage-arson": "Criminal damage and arson",
    "drugs": "Drugs",
    "other-crime": "Other crime",
    "other-theft": "Other theft",
    "possession-of-weapons": "Possession of weapons",
    "public-order": "Public order",
    "robbery": "Robbery",
    "shoplifting": "Shoplifting",
    "theft-from-the-person": "Theft from the person",
    "vehicle-crime": "Vehicle crime",
    "violent-crime": "Violence and sexual offences",
    "public-disorder-weapons": "Public disorder and weapons",
}

OUTCOMES = {
    "Awaiting court outcome", "Court result unavailable", "Court case unable to proceed", "Local resolution",
    "Investigation complete; no suspect identified", "Offender deprived of property", "Offender fined",
    "Offender given absolute discharge", "Offender given a caution", "Offender given a drugs possession warning",
    "Offender given penalty notice", "Offender given a penalty notice", "Offender given community sentence",
    "Offender given conditional discharge", "Offender given suspended prison sentence", "Offender sent to prison",
    "Offender otherwise dealt with", "Offender ordered to pay compensation",
    "Suspect charged as part of another case", "Suspect charged", "Defendant found not guilty",
    "Defendant sent to Crown Court", "Unable to prosecute suspect", "Formal action is not in the public interest",
    "Action to be taken by another organisation", "Further investigation is not in the public interest",
    "Further action is not in the public interest", "Under investigation", "Status update unavailable",
    "Awaiting court result",
}

FORCES = {
    "avon-and-somerset": "Avon and Somerset Constabulary",
    "bedfordshire": "Bedfordshire Police",
    "btp": "British Transport Police",
    "cambridgeshire": "Cambridgeshire Constabulary",
    "cheshire": "Cheshire Constabulary",
    "city-of-london": "City of London Police",
    "cleveland": "Cleveland Police",
    "cumbria": "Cumbria Constabulary",
    "derbyshire": "Derbyshire Constabulary",
    "devon-and-cornwall": "Devon & Cornwall Police",
    "dorset": "Dorset Police",
    "durham": "Durham Constabulary",
    "dyfed-powys": "Dyfed-Powys Police",
    "essex": "Essex Police",
    "gloucestershire": "Gloucestershire Constabulary",
    "greater-manchester": "Greater Manchester Police",
    "gwent": "Gwent Police",
    "hampshire": "Hampshire Constabulary",
    "hertfordshire": "Hertfordshire Constabulary",
    "humberside": "Humberside Police",
    "kent": "Kent Police",
    "lancashire": "Lancashire Constabulary",
    "leicestershire": "Leicestershire Police",
    "lincolnshire": "Lincolnshire Police",
    "merseyside": "Merseyside Police",
    "metropolitan": "Metropolitan Police Service",
    "norfolk": "Norfolk Constabulary",
    "north-wales": "North Wales Police",
    "north-yorkshire": "North Yorkshire Police",
    "northamptonshire": "Northamptonshire Police",
    "northern-ireland": "Police Service of Northern Ireland",
    "northumbria": "Northumbria Police",
    "nottinghamshire": "Nottinghamshire Police",
    "south-wales": "South Wales Police",
    "south-yorkshire": "South Yorkshire Police",
    "staffordshire": "Staffordshire Police",
    "suffolk": "Suffolk Constabulary",
    "surrey": "Surrey Police",
    "sussex": "Sussex Police",
    "thames-valley": "Thames Valley Police",
    "warwickshire": "Warwickshire Police",
    "west-mercia": "West Mercia Police",
    "west-midlands": "West Midlands Police",
    "west-yorkshire": "West Yorkshire Police",
    "wiltshire": "Wiltshire Police",
}
FORCE_SLUG_BY_NAME = {name: slug for slug, name in FORCES.items()}
