"""The Safer Worcester Partnership's records as the seed report (Worcester City Council, Communities
Committee, 26 May 2021: "Community Safety 2020/2021 – Update Report") gives them.

Nothing here is invented: where the report is silent (meeting dates, reporting lines it only draws),
the record says so. Appendix 4's connectors did not survive the report's conversion to text, so the
reporting lines are a reading of its block layout (see docs/adr/0003-demo-governance-reading.md).
"""

# Appendix 1, in the report's order (it lists Worcestershire Regulatory Services twice; loaded once).
APPENDIX_1 = [
    ("Worcestershire National Health Service", "health", True),
    ("Worcester City Council", "council", True),
    ("West Mercia Police", "police", True),
    ("Herefordshire and Worcestershire Fire Service", "fire", True),
    ("Cranstoun", "voluntary", False),
    ("Canal & River Trust", "voluntary", False),
    ("Tramps Night Club", "business", False),
    ("Duckworth Worcestershire Trust", "voluntary", False),
    ("The Hive", "other", False),
    ("Worcester Business Improvement District", "business", False),
    ("Platform Housing Group", "housing", False),
    ("Worcestershire Regulatory Services", "council", False),
    ("Crowngate Shopping Centre", "business", False),
    ("University of Worcester", "education", False),
    ("Worcestershire County Council", "council", True),
    ("Worcester Street Pastors", "voluntary", False),
    ("Worcester Community Trust", "voluntary", False),
    ("Victim Support", "voluntary", False),
    ("Citizen Housing", "housing", False),
    ("Maggs Day Centre", "voluntary", False),
    ("West Mercia Women’s Aid", "voluntary", False),
    ("Freedom Leisure", "other", False),
    ("Age UK Worcester and Malvern District", "voluntary", False),
    ("YSS", "voluntary", False),
    ("St Paul’s Hostel", "voluntary", False),
    ("WMRSASC", "voluntary", False),
    ("Bromford", "housing", False),
    ("Tell MAMA", "voluntary", False),
    ("Sanctuary Housing", "housing", False),
    ("Worcestershire Children’s First", "council", False),
    ("Citizen’s Advice Bureau Worcester", "voluntary", False),
]

# Organisations the report names outside Appendix 1.
OTHER_ORGANISATIONS = [
    ("West Mercia Police and Crime Commissioner", "pcc", "paragraphs 2.4, 5.1"),
    ("Wychavon District Council", "council", "paragraphs 2.2, 6.2"),
    ("Malvern Hills District Council", "council", "paragraph 2.2"),
]

# Paragraph 2.2: the councils whose areas the SWCSP covers, Worcester City Council a formal member.
SWCSP_MEMBERS = ["Worcester City Council", "Malvern Hills District Council", "Wychavon District Council"]

SWCSP = "South Worcestershire Community Safety Partnership"
SAFER_WORCESTER = "Safer Worcester"
COMMITTEE = "Communities Committee"

# (name, kind, host organisation, source)
GROUPS = [
    ("Worcestershire Safer Communities Board (SCB)", "board", None, "Appendix 4"),
    ("West Mercia Police & Crime Commissioner", "office", "West Mercia Police and Crime Commissioner", "Appendix 4"),
    ("Crime Reduction Board", "board", None, "Appendix 4"),
    ("Worcestershire Health and Well-being Board", "board", "Worcestershire County Council", "Appendix 4"),
    ("Health Improvement Group", "group", None, "Appendix 4"),
    ("Substance Misuse Strategic Oversight Group", "group", None, "Appendix 4"),
    ("Worcestershire Adults Safeguarding Board", "board", None, "Appendix 4"),
    ("IOM Steering Group", "group", None, "Appendix 4"),
    ("Domestic Abuse Forum", "group", None, "Appendix 4"),
    ("Worcestershire Prevent Strategic Group", "group", None, "Appendix 4"),
    ("Road Safety Partnership", "partnership", None, "Appendix 4"),
    ("Serious Organised Crime Strategic group", "group", None, "Appendix 4"),
    ("Channel Panel", "panel", None, "Appendix 4"),
    ("Worcestershire Channel Panel", "panel", None, "Appendix 4"),
    ("North Worcestershire Community Safety Partnership", "partnership", None, "Appendix 4"),
    (SWCSP, "partnership", None, "Appendix 4; paragraph 2.2"),
    ("Safer Bromsgrove", "partnership", None, "Appendix 4"),
    ("Safer Wyre Forest", "partnership", None, "Appendix 4"),
    ("Safer Redditch", "partnership", None, "Appendix 4"),
    ("Malvern Hills CSP", "partnership", None, "Appendix 4"),
    (SAFER_WORCESTER, "partnership", "Worcester City Council", "Appendix 4; Appendix 2"),
    ("Wychavon CSP", "partnership", None, "Appendix 4"),
    ("South Worcestershire Serious Organised Crime - Tactical Group", "group", None, "Appendix 4"),
    ("South Worcestershire Hate Crime Partnership", "partnership", None, "Appendix 4"),
    ("Prevention and Enforcement Group meeting", "meeting", None, "Appendix 4"),
    ("West Mercia Police South Worcestershire - Tasking Group", "meeting", "West Mercia Police", "Appendix 4"),
    ("West Mercia Police Burglary Meetings", "meeting", "West Mercia Police", "Appendix 4"),
    ("GETSAFE referral meetings", "meeting", None, "Appendix 4"),
    # Named elsewhere in the report.
    ("Serious Organised Crime Focus Group", "group", None, "paragraph 4.3"),
    ("Team Worcester Bronze group", "group", None, "Appendix 2"),
    (COMMITTEE, "scrutiny", "Worcester City Council", "report heading; paragraphs 1.1, 6.48"),
]
APPENDIX_4_GROUPS = [name for name, _, _, source in GROUPS if source.startswith("Appendix 4")]

# (group, reports to): a reading of Appendix 4's tiers, plus Appendix 2's stated lines.
REPORTING_LINES = [
    ("Crime Reduction Board", "West Mercia Police & Crime Commissioner"),
    ("Health Improvement Group", "Worcestershire Health and Well-being Board"),
    ("Substance Misuse Strategic Oversight Group", "Worcestershire Health and Well-being Board"),
    ("IOM Steering Group", "Worcestershire Safer Communities Board (SCB)"),
    ("Domestic Abuse Forum", "Worcestershire Safer Communities Board (SCB)"),
    ("Worcestershire Prevent Strategic Group", "Worcestershire Safer Communities Board (SCB)"),
    ("Road Safety Partnership", "Worcestershire Safer Communities Board (SCB)"),
    ("Serious Organised Crime Strategic group", "Worcestershire Safer Communities Board (SCB)"),
    ("Channel Panel", "Worcestershire Prevent Strategic Group"),
    ("Worcestershire Channel Panel", "Worcestershire Prevent Strategic Group"),
    ("North Worcestershire Community Safety Partnership", "Worcestershire Safer Communities Board (SCB)"),
    (SWCSP, "Worcestershire Safer Communities Board (SCB)"),
    ("Safer Bromsgrove", "North Worcestershire Community Safety Partnership"),
    ("Safer Wyre Forest", "North Worcestershire Community Safety Partnership"),
    ("Safer Redditch", "North Worcestershire Community Safety Partnership"),
    ("Malvern Hills CSP", SWCSP),
    (SAFER_WORCESTER, SWCSP),  # Appendix 2: "directly accountable to" the SWCSP
    ("Wychavon CSP", SWCSP),
    ("South Worcestershire Serious Organised Crime - Tactical Group", SWCSP),
    ("South Worcestershire Hate Crime Partnership", SWCSP),
    ("Prevention and Enforcement Group meeting", SWCSP),
    ("West Mercia Police South Worcestershire - Tasking Group", SWCSP),
    ("West Mercia Police Burglary Meetings", "West Mercia Police South Worcestershire - Tasking Group"),
    ("GETSAFE referral meetings", SWCSP),
    ("Team Worcester Bronze group", SAFER_WORCESTER),  # Appendix 2: Safer Worcester receives its reports
]

TERMS_OF_REFERENCE = {
    "group": SAFER_WORCESTER,
    "purpose": "To work in partnership to build safer communities, by effectively sharing information and "
    "resources.",
    "accountability": "Safer Worcester is directly accountable to the South Worcestershire Community Safety "
    "Partnership (SWCSP) and will prioritise resources within the City of Worcester based on the SWCSP "
    "Strategic Assessment. Tasking groups are a statutory requirement under the Crime and Disorder Act 1998. "
    "Safer Worcester will receive reports from Team Worcester Bronze group and will consider requests for "
    "campaigns and projects. One of the five key themes of the Worcester City Plan 2016 – 21 is Stronger and "
    "Connected Communities. Outcomes within this theme can be achieved through the Safer Worcester Partnership.",
    "vision": "The Safer Worcester Partnership Tasking Group will contribute to a safer Worcester with reducing "
    "levels of crime and fear of crime; where everyone can feel safe in their home, at work or in school and "
    "part of a cohesive community.",
    "meeting_frequency": "bimonthly",
    "chair_rule": "Meetings will be chaired by an elected representative from one of the partner organisations.",
    "vice_chair_rule": "If the chair is not present, meetings will be chaired by an elected vice-chair. If "
    "neither is present, the attending group shall nominate a chair for that meeting.",
    "secretariat": "Worcester City Council",
    "attendance": "Representation at these meetings will vary in order to meet the priorities of South "
    "Worcestershire Community Safety Partnership (SWCSP) Strategic Assessment. Attendees will be expected to "
    "contribute to the meeting and actions; where members cannot attend, reports and updates will be submitted "
    "in advance of the meeting.",
    "aims": [
        "To empower the communities of Worcester to address local concerns, through the representing groups.",
        "To create a Safer Worcester Action Plan, based on priorities identified for the City of Worcester within "
        "the (SWCSP) Strategic Assessment. Each action identified will be measured and will contribute to a "
        "reduction of crime or perceived crime.",
        "Members will contribute to the delivery of projects identified within the plan and will attend and report "
        "back on focus group meetings in support of projects.",
    ],
    "source": "Appendix 2",
}

# Paragraphs 3.3–3.6: West Mercia Police's core priorities as the SWCSP's themes, and their focus areas.
THEMES = [
    ("Safer Homes", ["Dwelling and Non-Dwelling Burglary", "Domestic Abuse"], "paragraph 3.4"),
    (
        "Safer People",
        [
            "Hate Crime",
            "Modern Slavery, Exploitation and Child Exploitation",
            "Counter Terrorism",
            "Drug and Alcohol related Crime",
            "Anti-social Behaviour",
        ],
        "paragraph 3.5",
    ),
    ("Safer Roads", ["Reduction of those Killed or Seriously injured", "Travelling criminality"], "paragraph 3.6"),
]

YEAR = "2020-21"
SAFER_WORCESTER_TOPICS = [
    "Domestic violence",
    "Rough sleeping",
    "Young and old vulnerability",
    "Hate crime",
    "Loan Sharks",
    "Business and Night-time Economy",
    "Bike thefts",
    "Public Space Protection Orders",
    "Horizon Project",
    "Operation Sea Hawk",
    "Cranstoun drug and alcohol addiction services",
]
SOC_TOPICS = [
    "Organised crime groups",
    "Modern slavery",
    "County Line drug distribution",
    "Catalytic converter thefts",
    "Dwelling and non-dwelling burglary",
    "Bike crime",
]
# (group, number of meetings, format, topics, narrative, source)
YEAR_REVIEWS = [
    (SAFER_WORCESTER, 5, "remote", SAFER_WORCESTER_TOPICS,
     "The partnership received reports and discussed joint projects or issues for awareness and promotion.",
     "paragraph 4.2"),
    ("Serious Organised Crime Focus Group", 4, "not_recorded", SOC_TOPICS,
     "Reviews intelligence on identified organised crime groups, modern slavery and County Line drug "
     "distribution working and based in South Worcestershire; co-ordinates multi-agency visits. Preventative "
     "work focused on catalytic converter thefts, dwelling and non-dwelling burglary and bike crime.",
     "paragraph 4.3"),
]
# Dated meetings of the crime and disorder (scrutiny) committee named in the report.
COMMITTEE_MEETINGS = [
    ("2021-03-17", "Dog control PSPO consultation results", "paragraph 6.48"),
    ("2021-05-26", "Community Safety 2020/2021 update report", "report heading"),
]

STRATEGIC_ASSESSMENT = {
    "title": "South Worcestershire Community Safety Partnership Strategic Assessment Report 2020",
    "period_start": "2018-07-01",
    "period_end": "2020-06-30",
    "author": "PCC Analysts Team",
    "exempt": True,
    "summary": "Produced on a biennial basis; reviews the partnership's priorities over the previous 24 months "
    "and sets them for the coming 24 months. Received and approved by the SWCSP (approval date not given).",
    "source": "paragraphs 2.3, 3.1–3.2; Appendix 3",
}
