// Package countries is Plenary's registry of the states that vote, or once
// voted, at the United Nations, and the resolver that turns the many ways
// datasets spell them into one key: the ISO 3166 alpha-3 code.
//
// Every source Plenary reads names states its own way ("Congo - Kinshasa",
// "DEMOCRATIC REPUBLIC OF THE CONGO", "Dem. Rep. Congo", "Zaire", COW code
// 490, ISO2 "CD"), and votes can only be compared once they share a key. The
// registry therefore lives in one table, countries.csv, embedded in the
// binary so the app needs no files at run time; it is the single source of
// truth, and nothing in the Go code repeats it. Named groupings with their
// own dates (P5, EU, BRICS, G7) are in groupings.csv; the regional groups
// are derived from countries.csv.
//
// # Conventions
//
// Codes. Historical states keep their ISO 3166-3 codes (SUN, YUG, SCG, CSK,
// DDR, YMD). Two states never had an ISO code and get user-assigned ones:
// YAR (Yemen Arab Republic) and ZZB (Zanzibar). The China seat as held by
// the Republic of China until 1971 is TWN. The Federal Republic of Germany
// is DEU: it is the same state, and "Federal Republic of Germany" and "West
// Germany" are alternative names of DEU. ISO2 "CS" belonged to both
// Czechoslovakia and, later, Serbia and Montenegro; it is kept for
// Czechoslovakia, as the voting datasets use it, and SCG has no ISO2.
//
// Dates. All dates are YYYY-MM-DD strings, compared as strings, and all
// periods are half-open: a state is a member from Admitted (inclusive) to
// Ended (exclusive), so Ended is the first day it no longer held its seat.
// The 51 original members are all dated 1945-10-24, the day the Charter
// entered into force, even where the UN roster gives a later ratification.
//
// Seats that continued. Russia continues the Soviet seat, Yemen that of the
// Yemen Arab Republic, Serbia that of Serbia and Montenegro, and the People's
// Republic of China the China seat the Republic of China held until General
// Assembly resolution 2758. For these, Admitted is the UN's official date
// (the predecessor's), Continues names the predecessor, and Members counts
// the state only from the predecessor's Ended, so no seat is counted twice.
// Syria (inside the United Arab Republic, 1958-1961) and Indonesia
// (withdrawn 1965-1966) have Gaps. With these rules Members reproduces the
// UN's official membership totals, except that Yugoslavia ends with the
// Socialist Federal Republic on 1992-04-27 while the UN roster kept its
// nameplate until the Federal Republic of Yugoslavia (SCG) was admitted on
// 2000-11-01: between those dates Members is one below the official total.
//
// Regional groups. Every member belongs to one of the five groups, the one
// it counts with in elections: the United States, formally in no group but
// an observer of WEOG, is counted in WEOG; Türkiye, which also sits in the
// Asia-Pacific caucus, is counted in WEOG; Cyprus is Asia-Pacific. That
// gives African 54, Asia-Pacific 54, Eastern European 23, Latin American
// and Caribbean 33, WEOG 29 (193); the 53 often quoted for Asia-Pacific
// leaves Kiribati out. Observers have no group. Membership is dated, and
// the regional Groupings carry the dates: a state counts in its group
// while it held its own seat, from group_from when it joined later (Israel
// was in no group until it entered WEOG on 28 May 2000; Kiribati joined
// Asia-Pacific in 2010, dated 1 January as the day is not published). A
// historical state counts in the group of its region while it existed (the
// USSR, the GDR, Czechoslovakia and Yugoslavia in Eastern European, both
// Yemens in Asia-Pacific). The groups were formalised by General Assembly
// resolution 1991 (XVIII) of 17 December 1963; before that a state counts
// in the group it joined then, from its admission.
//
// Correlates of War codes. A state has one primary code and may have
// secondary ones (DEU is 255, and 260, the FRG's). The UN voting datasets
// file the USSR under Russia (365) and Serbia under Yugoslavia (345), so
// those codes resolve to RUS and YUG, and SUN, SCG and SRB have no code;
// the Holy See and Palestine have none either.
//
// Names. Lookup accepts a state's short name, UN name, ISO3 code and any
// alternative name, current or former, after Normalize has folded away
// case, diacritics, apostrophe styles, "&" versus "and", "St." versus
// "Saint", punctuation and a leading "the". Two-letter codes are not names:
// too many of them are words ("IN", "NO", "IS", "AM").
package countries
