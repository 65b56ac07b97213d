package dates

// The word lists date expressions are read with. They are closed classes of
// English (months, weekdays, number words) and stay Go tables.

// monthWords maps month names and their news abbreviations to 1..12.
var monthWords = map[string]int{
	"january": 1, "jan": 1, "jan.": 1,
	"february": 2, "feb": 2, "feb.": 2,
	"march": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4,
	"may":  5,
	"june": 6, "jun.": 6,
	"july": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8,
	"september": 9, "sept": 9, "sept.": 9, "sep.": 9,
	"october": 10, "oct": 10, "oct.": 10,
	"november": 11, "nov": 11, "nov.": 11,
	"december": 12, "dec": 12, "dec.": 12,
}

// ambiguousMonths are month names that are also common words or names
// ("may", "march", "June", "August"): alone they are months only after a
// word that introduces a time ("in May", "last March").
var ambiguousMonths = map[string]bool{"may": true, "march": true, "june": true, "august": true, "jan": true, "dec": true}

// weekdayWords maps weekday names to ISO weekday numbers (Monday = 1).
var weekdayWords = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

// weekdayPlurals are weekdays in the plural: a set ("on Mondays").
var weekdayPlurals = map[string]int{
	"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
}

// numberWords are the counts written out in news; -1 is an unspecified
// number ("several days" → PXD).
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100,
	"several": -1, "few": -1, "many": -1, "some": -1, "couple": 2, "dozen": 12,
}

// ordinalWords are the ordinals quarters and halves are counted with.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

// unitWords maps time units (singular and plural) to their TIMEX3 letter;
// the time-of-day units are written after a T in a duration (PT3H).
var unitWords = map[string]string{
	"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
	"year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
	"hour": "H", "hours": "H", "minute": "MIN", "minutes": "MIN",
	"quarter": "Q", "quarters": "Q", "weekend": "WE", "weekends": "WE",
}

// seasonWords maps seasons to their TIMEX3 codes.
var seasonWords = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// seasonStart is the month each season starts in (northern hemisphere).
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// dayParts are the parts of a day and their TIMEX3 codes.
var dayParts = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

// holidays are month, day and ISO weekday: a holiday on a weekday falls on
// the first such weekday on or after the day (Thanksgiving, the fourth
// Thursday of November, is the first Thursday from November 22); weekday 0
// is a fixed day.
var holidays = map[string][3]int{
	"thanksgiving": {11, 22, 4}, "thanksgiving day": {11, 22, 4}, "labor day": {9, 1, 1},
	"memorial day": {5, 25, 1}, "martin luther king day": {1, 15, 1},
	// US federal elections: the Tuesday after the first Monday of November.
	"election day": {11, 2, 2},
	"christmas":    {12, 25, 0}, "christmas day": {12, 25, 0}, "christmas eve": {12, 24, 0},
	"new year's day": {1, 1, 0}, "new year's eve": {12, 31, 0}, "independence day": {7, 4, 0},
	"valentine's day": {2, 14, 0}, "halloween": {10, 31, 0}, "bastille day": {7, 14, 0},
}

// easterDays are the holidays counted in days from Easter Sunday; "Easter
// week" is the week that holds it.
var easterDays = map[string]int{
	"easter": 0, "easter sunday": 0, "easter day": 0, "easter week": 0, "good friday": -2,
	"maundy thursday": -3, "holy thursday": -3, "easter monday": 1, "palm sunday": -7,
	"ash wednesday": -46, "pentecost": 49, "whit monday": 50,
}

// presentVerbs are verbs of scheduled news events that the tagger may read
// as nouns ("Arafat meet separately Monday").
var presentVerbs = map[string]bool{
	"meet": true, "meets": true, "visit": true, "visits": true, "travel": true, "travels": true,
	"vote": true, "votes": true, "face": true, "faces": true, "return": true, "returns": true,
	"resume": true, "resumes": true, "arrive": true, "arrives": true, "head": true, "heads": true,
	"hold": true, "holds": true, "open": true, "opens": true, "begin": true, "begins": true,
}

// nineEleven are the words after "September 11" that name the attacks of
// 2001.
var nineEleven = map[string]bool{
	"attacks": true, "attack": true, "terrorist": true, "terror": true, "hijackers": true, "hijackings": true,
}

// refWords are words whose value is a point relative to the speaker's
// present (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF).
var refWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	"recently": "PAST_REF", "soon": "FUTURE_REF",
}

// setWords are adverbs and adjectives of frequency.
var setWords = map[string]string{
	"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
	"annual": "P1Y", "nightly": "P1D", "hourly": "PT1H",
}

// countNouns follow numbers that are counts, not years ("2000 people").
var countNouns = map[string]bool{
	"people": true, "persons": true, "troops": true, "soldiers": true, "workers": true, "employees": true,
	"students": true, "dollars": true, "euros": true, "pounds": true, "yen": true, "tons": true,
	"tonnes": true, "barrels": true, "miles": true, "kilometers": true, "kilometres": true, "km": true,
	"meters": true, "metres": true, "feet": true, "acres": true, "units": true, "shares": true,
	"cars": true, "vehicles": true, "homes": true, "houses": true, "jobs": true, "cases": true,
	"deaths": true, "votes": true, "members": true, "residents": true, "refugees": true, "points": true,
	"families": true, "children": true, "civilians": true, "police": true, "officers": true, "percent": true, "%": true,
}

// timeIntroducers are words after which an ambiguous month name ("May",
// "March") is a month.
var timeIntroducers = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "of": true, "during": true,
	"early": true, "late": true, "mid": true, "last": true, "this": true, "next": true, "through": true,
	"before": true, "after": true, "from": true, "-": true, "between": true, "throughout": true,
	"end": true, "beginning": true, "start": true, "middle": true, "around": true, "past": true,
}

// futureCues make a clause speak of the future even without "will"
// ("are scheduled to end on May 4").
var futureCues = map[string]bool{
	"scheduled": true, "due": true, "planned": true, "plans": true, "plan": true, "planning": true, "expected": true,
	"set": true, "intends": true, "upcoming": true, "next": true, "going": true, "aims": true,
	"supposed": true, "slated": true,
}

// dayContext are the words before "the day" that make it the day the text
// speaks of ("for the day", "end the day", "later in the day").
var dayContext = map[string]bool{
	"for": true, "end": true, "ended": true, "ending": true, "in": true, "during": true, "close": true,
	"closed": true, "finish": true, "finished": true, "of": true,
}

// dayFollowers after "the day" make it another day ("the day before",
// "the day of the vote", "the day when").
var dayFollowers = map[string]bool{
	"before": true, "after": true, "of": true, "when": true, "that": true, "he": true, "she": true,
	"they": true, "it": true, "we": true, "i": true, "-": true,
}

// vagueContext are the words before a bare plural unit that make it a
// duration: "for weeks", "within months", "over the years".
var vagueContext = map[string]bool{
	"for": true, "within": true, "in": true, "over": true, "after": true, "lasting": true,
}

// shiftWords after a count of units make it a point in time: "two years
// ago", "five days earlier", "a week after May 3".
var shiftWords = map[string]bool{
	"ago": true, "earlier": true, "before": true, "later": true, "after": true, "previously": true,
	"prior": true, "afterward": true, "afterwards": true, "from": true,
}

// ordinalDays are days of the month written as words. "first" and
// "second" are left out: after a month they are rarely days ("May first"
// is, "March second quarter" is not).
var ordinalDays = map[string]int{
	"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// holidayIntroducers are the words before a one-word holiday name
// ("Christmas", "Halloween") that make it a date.
var holidayIntroducers = map[string]bool{
	"on": true, "at": true, "before": true, "after": true, "since": true, "until": true, "till": true,
	"by": true, "over": true, "last": true, "this": true, "next": true, "from": true,
}

// yearContext are the words before "the year" that make it the current one
// ("for the year", "earlier in the year").
var yearContext = map[string]bool{"for": true, "in": true, "during": true, "through": true, "throughout": true}

// decadeWords are the decades of the last century written as words.
var decadeWords = map[string]int{
	"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
	"nineties": 9,
}

// timeZones are the zone abbreviations written after a clock time.
var timeZones = map[string]bool{
	"est": true, "edt": true, "gmt": true, "utc": true, "et": true,
	"pst": true, "pdt": true, "cet": true, "bst": true,
}

// dayCountIntroducers come before "the eighth day (of ...)" when it names
// the day of writing: "today is", "it's", "for a second day".
var dayCountIntroducers = map[string]bool{"is": true, "'s": true, "for": true}
