"""The seed report's projects and their outputs (section 6), as it gives them.

Projects named in Appendix 6 keep the name printed there ("Dawn Project"); projects named only in 5.1 or
section 6 take the name of the paragraph's heading. The report never links a project to a priority in words
that survived its conversion to text (Appendix 6's tick columns were lost), so every link below is read from
the project's stated purpose and says so in `link_basis` (docs/adr/0503-demo-reading-of-funding-and-outputs.md).
Every output is one of the partner measures the incidents demo loads, with its 2020-21 whole-year figure.
"""

SWCSP = "south-worcestershire"
WORCESTER = "safer-worcester"
READ_FROM_PURPOSE = "Read from the project's purpose by Saferplace; the seed's tick columns were lost"

BURGLARY = "Dwelling and Non-Dwelling Burglary"
DOMESTIC_ABUSE = "Domestic Abuse"
HATE = "Hate Crime"
EXPLOITATION = "Modern Slavery, Exploitation and Child Exploitation"
DRUGS_ALCOHOL = "Drug and Alcohol related Crime"
ASB = "Anti-social Behaviour"

# name, partnership, lead organisation, partners, priorities, no-priority reason, purpose, start, end, source
PROJECTS = [
    ("Partnership Analyst", SWCSP, None, [], [],
     "Analytical support for the whole partnership (the strategic assessment and the performance reports on "
     "every priority); it serves all priorities rather than one.",
     "Analytical support for the CSP will be provided by the Research & Intelligence Team of the Council. This "
     "team support the Council and other partnerships with analytical support and have a wide range of skills "
     "and knowledge.", None, None, "Appendix 6"),
    ("Dawn Project", WORCESTER, "Worcester Community Trust", [], [DOMESTIC_ABUSE], "",
     "DAWN (Domestic Abuse Women’s Network) at Worcester Community Trust (WCT) delivers tailor-made crisis "
     "intervention, face to face support around domestic abuse including controlling, coercive, threatening, "
     "degrading and violent behaviour", None, None, "Appendix 6; paragraphs 6.3–6.5"),
    ("Worcester Street Pastors", WORCESTER, "Worcester Street Pastors", [], [DRUGS_ALCOHOL, ASB], "",
     "An inter-denominational church response to urban problems within the night-time economy, street pastor "
     "teams operating on Worcester’s city centre streets overnight Saturday into Sunday (generally 10pm until up "
     "to 4am).", None, None, "Appendix 6; paragraphs 6.17–6.20; 5.1"),
    ("Hate Crime Forum", SWCSP, None, [], [HATE], "",
     "The South Worcestershire Hate Crime Forum is a sub-group of the South Worcestershire Community Safety "
     "partnership. The purpose of the sub-group is to raise awareness and promote the reporting of hate crimes "
     "and incidents.", None, None, "Appendix 6; paragraphs 6.29–6.32"),
    ("Acquisitive Crime", SWCSP, None, [], [BURGLARY], "",
     "LA and Partner officers will have access to a range of home security/acquisitive crime prevention tools "
     "enabling victims of crime/vulnerable persons to protect their property following site/home visits.",
     None, None, "Appendix 6"),
    ("Community Get Safe Worker", SWCSP, None, [], [EXPLOITATION], "",
     "funding is for a Community GET SAFE Worker (CGSW) to build a comprehensive map of activity taking place "
     "tackling CCE in our communities, enabling connections and sharing of data, intelligence and identification "
     "of best placed support, helping the county to have a co-ordinated response rather than working in silo.",
     None, None, "Appendix 6"),
    ("Exploitation of Adults", SWCSP, None, [], [EXPLOITATION], "",
     "Employ a temporary Exploitation Development Officer for safeguarding adults who are being exploited or at "
     "risk of exploitation in Worcestershire.", None, None, "Appendix 6"),
    ("Love Your Home", WORCESTER, "West Mercia Police", ["Worcester City Council", "Crowngate Shopping Centre"],
     [BURGLARY], "",
     "Love Your Home event, is a Crime Prevention community focused partnership event, that will run over a two "
     "day period, 23 and 24 October 2020. Lead by West Mercia Police, invites to Fire Service, Safer Roads, "
     "Worcester Community Safety, Age Concern, Health, We Don’t buy Crime, Worcester Reg Services, Neighbourhood "
     "Watch and Housing associations.", "2020-10-23", "2020-10-24", "Appendix 6; paragraph 6.22; 5.1"),
    ("Domestic Homicide Review", SWCSP, None, [], [DOMESTIC_ABUSE], "",
     "Two incidents of homicide in South Worcestershire have initiated a review in 2020. In Worcestershire it has "
     "been agreed that the Worcestershire Safer Communities Board (WSCB) has lead responsibility for oversight of "
     "the DHR, which will be co-ordinated and commissioned by the relevant CSP. The DHR will be conducted through "
     "the DHR subgroup. Which will be supported by the Worcestershire Forum Against Domestic Abuse.",
     None, None, "Appendix 6; paragraphs 6.13–6.16; 5.1"),
    ("Safe and Sound", WORCESTER, "Worcester City Council", ["West Mercia Police", "University of Worcester"],
     [BURGLARY, DOMESTIC_ABUSE], "",
     "Crime prevention and personal safety projects: cycle security, allotment security, purse bells, internet "
     "and loan shark safety, a community safety webinar, home security visits for high-risk domestic abuse "
     "victims and personal alarms.", None, None, "Paragraphs 5.1, 6.21–6.28"),
    ("Safe Places Scheme", WORCESTER, None, [], [HATE], "",
     "A Safe Place scheme run by Our Way Self Advocacy: local businesses that can provide shelter and comfort "
     "when a person is feeling vulnerable, advertised with window stickers and an app.",
     None, None, "Paragraphs 5.1, 6.30, 6.33"),
    ("Out2gether", WORCESTER, None, [], [HATE], "",
     "Funded by the PCC via the SWCSP in 2020-21 (5.1); the report says nothing more about it.",
     None, None, "Paragraph 5.1"),
    ("CCTV camera improvements", WORCESTER, "Worcester City Council", [], [ASB], "",
     "Upgrade and repair of the street CCTV surveillance system and the infrastructure supporting the cameras; "
     "a 5-year maintenance and repair contract began in 2020-21.", None, None, "Paragraphs 5.1, 6.1"),
    ("CCTV monitoring", WORCESTER, "Worcester City Council", ["Wychavon District Council"], [ASB], "",
     "The CCTV control room in Wychavon District Council's civic offices in Pershore, monitored 24/7 by "
     "Wychavon DC employees.", None, None, "Paragraphs 5.1, 6.2"),
    ("White Ribbon Campaign 2020", WORCESTER, "Worcester City Council", [], [DOMESTIC_ABUSE], "",
     "A socially distanced White Ribbon Campaign: awareness resources for schools, awareness sessions for young "
     "adults, and a communications plan for the campaign and the 16 days of action.",
     None, None, "Paragraphs 6.6–6.9"),
    ("Housing support for victims of domestic abuse", WORCESTER, "Worcester City Council",
     ["West Mercia Women’s Aid"], [DOMESTIC_ABUSE], "",
     "Housing services accept a duty to victims of domestic abuse, accommodate them at once if required, find "
     "long-term accommodation and give resettlement help.", None, None, "Paragraphs 6.10–6.12"),
    ("Youth Intervention", WORCESTER, "Worcester City Council", [], [EXPLOITATION, ASB], "",
     "Online and one-to-one support for young people through the pandemic, including walk and talk and a weekly "
     "drop-in for YMCA residents vulnerable to criminal exploitation.", None, None, "Paragraphs 6.34–6.36"),
    ("Anti-social behaviour response", WORCESTER, "Worcester City Council",
     ["West Mercia Police", "Platform Housing Group"], [ASB], "",
     "Engagement, targeted patrols and deployable cameras in response to anti-social behaviour around parks, "
     "estates and community centres.", None, None, "Paragraphs 6.37–6.45"),
]

# project, output name, partner measure slug. The figures (all 2020-21, whole year) are the measures' values,
# loaded by the incidents demo from saferplace/incidents/demo_records.py: they are written down once.
OUTPUTS = [
    ("Dawn Project", "Referrals received", "dawn-referrals"),
    ("Dawn Project", "Women already receiving support", "dawn-women-already-supported"),
    ("Dawn Project", "Women who left the service with a positive outcome", "dawn-positive-outcomes"),
    ("Dawn Project", "Children affected now leading safer lives", "dawn-children-safer"),
    ("White Ribbon Campaign 2020", "Students who received the campaign material", "white-ribbon-students"),
    ("White Ribbon Campaign 2020", "Young adults at awareness sessions", "white-ribbon-young-adults"),
    ("White Ribbon Campaign 2020", "People reached by the survivors' story on Facebook", "white-ribbon-story-reach"),
    ("White Ribbon Campaign 2020", "People reached by five helpline posts", "white-ribbon-helpline-reach"),
    ("Housing support for victims of domestic abuse", "Victims of domestic abuse owed a housing duty",
     "housing-da-duties-accepted"),
    ("Domestic Homicide Review", "Reviews initiated", "dhr-reviews-initiated"),
    ("Worcester Street Pastors", "Weekends patrolled (of 52)", "street-pastors-weekends"),
    ("Worcester Street Pastors", "People supported", "street-pastors-people-supported"),
    ("Safe and Sound", "Locations given bike security signs", "bike-security-sign-locations"),
    ("Safe and Sound", "Bikes forensically marked at station events", "bikes-marked-station-events"),
    ("Safe and Sound", "Security items handed out at allotments", "allotment-security-items"),
    ("Safe and Sound", "Purse bells distributed", "purse-bells-distributed"),
    ("Safe and Sound", "People at the loan shark training session", "loan-shark-training-attendees"),
    ("Safe and Sound", "People at the community safety webinar", "community-safety-webinar-attendees"),
    ("Safe and Sound", "Home security visits for high-risk domestic abuse victims", "da-home-security-visits"),
    ("Safe and Sound", "Personal alarms given to vulnerable residents", "personal-alarms-given"),
    ("Love Your Home", "Cycles forensically marked", "cycles-marked-love-your-home"),
    ("Love Your Home", "SmartWater packs registered and given out", "smartwater-packs-love-your-home"),
    ("Hate Crime Forum", "Residents reached by Hate Crime Awareness Week posts", "hate-crime-week-reach"),
    ("Hate Crime Forum", "Forum meetings", "hate-crime-forum-meetings"),
    ("Hate Crime Forum", "Schools interested in the Heartstone Odyssey project", "heartstone-odyssey-schools"),
    ("Youth Intervention", "Individuals given online support in the first lockdown", "youth-online-support"),
    ("Youth Intervention", "Young people who benefited from walk and talk", "youth-walk-and-talk"),
    ("Youth Intervention", "YMCA residents at the weekly drop-in", "ymca-drop-in-residents"),
    ("Anti-social behaviour response", "Young adults engaged", "asb-young-adults-engaged"),
    ("Anti-social behaviour response", "Adults engaged", "asb-adults-engaged"),
    ("Anti-social behaviour response", "Targeted patrols", "asb-targeted-patrols"),
    ("Anti-social behaviour response", "Hot spot areas given deployable cameras", "asb-deployable-camera-areas"),
    ("CCTV monitoring", "Instances witnessed by the control room", "cctv-incidents-witnessed"),
    ("CCTV monitoring", "Requests for footage serviced", "cctv-footage-requests"),
]
