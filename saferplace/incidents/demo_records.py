"""The seed report's section 6 figures as partner measures (all 2020-21, whole financial years), and West Mercia's
published recorded-crime totals (paragraph 3.7).

This is the one place the section 6 figures are written down: the interventions demo links each project to the
measures it produced (its outputs) and reads their values from here (docs/adr/0801-outputs-are-partner-measures.md).
"""

COUNCIL = ("Worcester City Council", "council")
TRUST = ("Worcester Community Trust", "voluntary")
PASTORS = ("Worcester Street Pastors", "voluntary")
POLICE = ("West Mercia Police", "police")

# (slug, name, unit, (organisation, kind), value for 2020/21, seed paragraph, note on the value)
MEASURES = [
    ("cctv-incidents-witnessed", "CCTV incidents witnessed", "incidents", COUNCIL, 2074, "6.2", ""),
    ("cctv-footage-requests", "CCTV footage requests serviced", "requests", COUNCIL, 121, "6.2", ""),
    ("dawn-referrals", "DAWN domestic abuse referrals received", "referrals", TRUST, 157, "6.5", ""),
    ("dawn-women-already-supported", "DAWN women already receiving support", "women", TRUST, 51, "6.5",
     "In addition to the referrals"),
    ("dawn-positive-outcomes", "DAWN women leaving the service with a positive outcome", "women", TRUST, 125, "6.5",
     ""),
    ("dawn-children-safer", "Children affected now leading safer lives", "children", TRUST, 198, "6.5", ""),
    ("white-ribbon-students", "White Ribbon campaign material received by students", "students", COUNCIL, 500,
     "6.6", "An estimate"),
    ("white-ribbon-young-adults", "Young adults at White Ribbon awareness sessions", "young adults", COUNCIL, 182,
     "6.7", "On the streets, at YMCA drop-ins or at pupil referral unit visits"),
    ("white-ribbon-story-reach", "People reached by the White Ribbon survivors' story on Facebook", "people",
     COUNCIL, 2937, "6.8", "62 engagements, 10 likes and 7 shares"),
    ("white-ribbon-helpline-reach", "People reached by the White Ribbon helpline posts", "people", COUNCIL, 5224,
     "6.9", "Five posts across Facebook, Instagram and Twitter; 100 engagements and 2 likes"),
    ("housing-da-duties-accepted", "Housing duties accepted to victims of domestic abuse", "households", COUNCIL, 70,
     "6.10", "Of whom 9 were male"),
    ("housing-da-duties-accepted-male", "Housing duties accepted to male victims of domestic abuse", "households",
     COUNCIL, 9, "6.10", ""),
    ("dhr-reviews-initiated", "Domestic homicide reviews initiated in South Worcestershire", "reviews", COUNCIL, 2,
     "6.14", "Two homicides in South Worcestershire initiated a review in 2020"),
    ("street-pastors-weekends", "Weekends patrolled by Street Pastors (of 52)", "weekends", PASTORS, 50, "6.17",
     "Saturday 10pm to Sunday 4am"),
    ("street-pastors-people-supported", "People supported by Street Pastors", "people", PASTORS, 132, "6.20",
     "Patrols resumed in mid-July after COVID-19"),
    ("bike-security-sign-locations", "Locations given bike security signs", "locations", COUNCIL, 7, "6.21",
     "Plus 3 signs for the University of Worcester"),
    ("bikes-marked-station-events", "Bikes forensically marked at station events", "bikes", COUNCIL, 50, "6.21", ""),
    ("allotment-security-items", "Security items handed out at allotments", "items", COUNCIL, 50, "6.23",
     "Padlock alarms and the like"),
    ("purse-bells-distributed", "Purse bells distributed", "purse bells", COUNCIL, 72, "6.24", ""),
    ("loan-shark-training-attendees", "People at the loan shark training session", "people", COUNCIL, 11, "6.25", ""),
    ("community-safety-webinar-attendees", "People at the community safety webinar", "people", COUNCIL, 18, "6.26",
     "29 January 2021"),
    ("da-home-security-visits", "Home security visits for high-risk domestic abuse victims", "visits", COUNCIL, 48,
     "6.27", ""),
    ("personal-alarms-given", "Personal alarms given to vulnerable residents", "alarms", COUNCIL, 100, "6.28", ""),
    ("cycles-marked-love-your-home", "Cycles forensically marked (Love Your Home event)", "cycles", POLICE, 70,
     "6.22", ""),
    ("smartwater-packs-love-your-home", "SmartWater packs registered and given out (Love Your Home event)", "packs",
     POLICE, 200, "6.22", ""),
    ("hate-crime-week-reach", "Residents reached by Hate Crime Awareness Week posts", "residents", COUNCIL, 2300,
     "6.29", "Six posts, 9–16 October 2020"),
    ("hate-crime-forum-meetings", "Hate Crime Forum meetings", "meetings", COUNCIL, 2, "6.30", ""),
    ("heartstone-odyssey-schools", "Schools interested in the Heartstone Odyssey project", "schools", COUNCIL, 7,
     "6.32", ""),
    ("youth-online-support", "Individuals given online youth support in the first lockdown", "people", COUNCIL, 80,
     "6.34", ""),
    ("youth-walk-and-talk", "Young people who benefited from walk and talk", "young people", COUNCIL, 36, "6.34",
     "Including referrals"),
    ("ymca-drop-in-residents", "YMCA residents at the weekly youth drop-in", "residents", COUNCIL, 31, "6.35", ""),
    ("asb-young-adults-engaged", "Young adults engaged by ASB officers", "engagements", COUNCIL, 2486, "6.37",
     "Some engaged more than once"),
    ("asb-adults-engaged", "Adults engaged by ASB officers", "engagements", COUNCIL, 746, "6.37",
     "Some engaged more than once"),
    ("asb-targeted-patrols", "ASB targeted patrols", "patrols", COUNCIL, 100, "6.43", ""),
    ("asb-deployable-camera-areas", "ASB hot spot areas given deployable cameras", "areas", COUNCIL, 5, "6.44", ""),
]
RECORDED_CRIME = ("recorded-crime-worcester", "Police recorded crime, Worcester", "crimes", "West Mercia Police")
