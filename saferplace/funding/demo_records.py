"""The seed report's PCC funding: the Appendix 6 round and the paragraph 5.1 grant lines, as printed.

How the Appendix 6 year is recorded (its title says 2020-21, its header 2021/2022) is explained in
docs/adr/0500-appendix-6-financial-year.md.
"""

from decimal import Decimal as D

PCC = "West Mercia Police and Crime Commissioner"
PLAN = "Safer West Mercia"
OBJECTIVES = ["Putting Victims First", "Building a secure West Mercia", "Reforming West Mercia",
              "Reassuring West Mercia"]

ROUND = {
    "financial_year": "2020-21",
    "title": "West Mercia Police & Crime Commissioner South Worcestershire Community Safety Partnership "
             "Funding 2020-21",
    "amount_available": D("139250.00"),
    "available_as_printed": "2021/2022 £139,250.00",
    "stated_total_requested": D("106590.00"),
    "stated_total_allocated": D("96590.00"),
    "note": (
        "Recorded as the 2020-21 round. The appendix's title and paragraph 5.2 say 2020-21, the Love Your Home "
        "event it funds took place in October 2020, one bid is deferred to 2021-22, and three of the grant lines "
        "Worcester received in 2020-21 (5.1) match its allocations. Its table header, however, prints "
        "'2021/2022 £139,250.00' and its columns read 'Funding Requested 21/22' and 'Funding allocated 21/22'. "
        "The £139,250.00 is kept as the amount available exactly as printed; whether it is the 2020-21 or the "
        "2021-22 amount cannot be settled from the report. The plan-objective and theme columns were tick marks "
        "that did not survive; each bid's priorities are read from its purpose."
    ),
    "source": "Appendix 6; paragraph 5.2",
}

# Appendix 6 rows in the printed order: project, requested, allocated, status, deferred to, reason, comments
BIDS = [
    ("Partnership Analyst", D("20000.00"), D("20000.00"), "allocated", "", "", ""),
    ("Dawn Project", D("32890.00"), D("32890.00"), "allocated", "", "", ""),
    ("Worcester Street Pastors", D("2700.00"), D("2700.00"), "allocated", "", "", ""),
    ("Hate Crime Forum", D("10500.00"), D("10500.00"), "allocated", "", "", ""),
    ("Acquisitive Crime", D("10000.00"), D("9000.00"), "part_allocated", "", "", ""),
    ("Community Get Safe Worker", D("7500.00"), D("7500.00"), "allocated", "", "", ""),
    ("Exploitation of Adults", D("6000.00"), D("0.00"), "deferred", "2021-22",
     "The report records only the partnership's comment 'Deferred to 2021-22'; it gives no further reason.",
     "Deferred to 2021-22"),
    ("Love Your Home", D("2000.00"), D("2000.00"), "allocated", "", "", ""),
    ("Domestic Homicide Review", D("15000.00"), D("12000.00"), "part_allocated", "", "", ""),
]
LEADS = {"Dawn Project": "Worcester Community Trust", "Worcester Street Pastors": "Worcester Street Pastors",
         "Love Your Home": "West Mercia Police"}

# Paragraph 5.1: what Worcester received from the PCC via the SWCSP in 2020-21, in the printed order.
# name, amount, project, Appendix 6 bid it was paid from (matched by name and amount; see ADR 0503)
GRANT_LINES = [
    ("Safe and Sound", D("4132.00"), "Safe and Sound", None),
    ("Worcester Street Pastors", D("2700.00"), "Worcester Street Pastors", "Worcester Street Pastors"),
    ("Love Your Home event", D("1665.00"), "Love Your Home", "Love Your Home"),
    ("Safe places Scheme", D("2000.00"), "Safe Places Scheme", None),
    ("Out2gether", D("1000.00"), "Out2gether", None),
    ("Domestic Homicide Reviews", D("12000.00"), "Domestic Homicide Review", "Domestic Homicide Review"),
    ("CCTV camera improvements", D("25000.00"), "CCTV camera improvements", None),
    ("CCTV monitoring costs", D("20000.00"), "CCTV monitoring", None),
]

# Paragraphs 6.1-6.2: project, grant line it was spent from (None: the council's own budget), amount, description
SPEND = [
    ("CCTV camera improvements", "CCTV camera improvements", D("25240.00"),
     "PCC camera improvement funding used to upgrade and repair the infrastructure supporting the cameras "
     "(6.1 gives £25,240; 5.1 gives the grant line as £25,000).", "Paragraph 6.1"),
    ("CCTV camera improvements", None, D("420894.48"),
     "Upgrade works to the street CCTV surveillance system, completed in 2020-21 (the report does not say in "
     "which years the works were paid for).", "Paragraph 6.1"),
    ("CCTV monitoring", None, D("47010.00"),
     "Cost to Worcester City Council of the 24/7 control room at Wychavon District Council, 2020-21. The PCC's "
     "£20,000 monitoring grant line (5.1) contributes to it; the report does not split the cost.", "Paragraph 6.2"),
]
