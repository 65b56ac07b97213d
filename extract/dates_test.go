package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/extract"
)

// dateCases pair a sentence and a reference date with the date expression
// expected in it ("" value: null). The sample article is dated 2023-05-04,
// a Thursday.
var dateCases = []struct {
	name, text, ref  string
	want, typ, value string
}{
	// Written in full, at every grain.
	{"full date", "The protesters closed the road on December 12, 2022.", "2023-05-04", "December 12, 2022", "DATE", "2022-12-12"},
	{"weekday and full date", "The paper said on Monday, Oct. 26, 1998, that it would.", "1998-10-25", "Monday, Oct. 26, 1998", "DATE", "1998-10-26"},
	{"day before month", "Talks began on 3 May 2023 in Washington.", "2023-05-04", "3 May 2023", "DATE", "2023-05-03"},
	{"abbreviated month", "The purchase was terminated on Sept. 27, 1989.", "1989-11-02", "Sept. 27, 1989", "DATE", "1989-09-27"},
	{"month and year", "The blockade began in December 2022.", "2023-05-04", "December 2022", "DATE", "2022-12"},
	{"year in an event name", "Russia brokered the ceasefire that ended the 2020 Artsakh War.", "2023-05-04", "2020", "DATE", "2020"},
	{"decade", "Protests were common in the 1990s.", "2023-05-04", "the 1990s", "DATE", "199"},
	{"season of a year", "Her collection was released in spring of 2021.", "2023-05-04", "spring of 2021", "DATE", "2021-SP"},
	{"decade in words", "Hate groups declined through the nineties.", "1998-03-03", "the nineties", "DATE", "199"},
	{"century", "She is a 20th century democrat.", "1998-02-13", "20th century", "DATE", "19"},
	{"for the year", "Pet food volume was flat for the year.", "1989-11-02", "the year", "DATE", "1989"},
	{"spelled year", "The convictions were thrown out in nineteen ninety-six on a technicality.", "1998-01-15", "nineteen ninety-six", "DATE", "1996"},
	{"mid year", "The group began to fall apart in mid-1996.", "1998-02-19", "mid-1996", "DATE", "1996"},
	{"year after a prefix", "Cubans who arrived post-1959 were exiles.", "2000-02-24", "post-1959", "DATE", "1959"},
	{"hyphenated long", "The talks ended a decades-long feud.", "2000-01-15", "decades-long", "DURATION", "PXY"},
	{"day-long", "Workers held a day-long strike.", "2000-04-03", "day-long", "DURATION", "P1D"},
	{"yearlong", "A yearlong study found no link.", "2000-04-03", "yearlong", "DURATION", "P1Y"},
	{"two-digit year", "The index is at its lowest level since '82.", "2008-10-27", "'82", "DATE", "1982"},
	{"holiday on a weekday of its month", "The boy was found on Thanksgiving Day clinging to an inner tube.", "2000-01-07", "Thanksgiving Day", "DATE", "1999-11-25"},
	{"holiday", "The shop will close on Christmas.", "2023-05-04", "Christmas", "DATE", "2023-12-25"},
	{"holiday with a year", "Thanksgiving 1999 was quiet.", "2000-01-07", "Thanksgiving 1999", "DATE", "1999-11-25"},
	{"Easter", "Pilgrims will gather on Easter Sunday.", "2024-03-01", "Easter Sunday", "DATE", "2024-03-31"},
	{"Good Friday of a year", "The accord was signed on Good Friday 1998.", "2000-01-07", "Good Friday 1998", "DATE", "1998-04-10"},
	{"Easter week", "The boy may go home after Easter week.", "2000-04-14", "Easter week", "DATE", "2000-W16"},
	{"slash date", "The plane was unveiled on 7/8/07 in Everett.", "2007-07-09", "7/8/07", "DATE", "2007-07-08"},
	{"slash date day first", "The deal closed on 25/12/2006.", "2007-07-09", "25/12/2006", "DATE", "2006-12-25"},
	{"second decade of a pair", "It rid Detroit of the boxy cars of the 70s and 80s.", "2007-02-09", "80s", "DATE", "198"},
	{"season after a possessive", "The IMF held their Autumn meetings.", "2008-10-13", "Autumn", "DATE", "2008-FA"},
	{"single day", "Stocks had their worst single-day fall.", "2008-01-22", "single-day", "DURATION", "P1D"},
	{"by year-end", "The company expects to complete the transaction by year-end.", "1989-10-30", "year-end", "DATE", "1989-12-31"},
	{"since year-end", "The percentage change is since year-end.", "1989-10-30", "year-end", "DATE", "1988-12-31"},
	{"for the fiscal year", "The drop will result in lower earnings for the fiscal year.", "1989-10-30", "the fiscal year", "DATE", "1989"},
	{"ISO date", "The filing is dated 2023-04-30.", "2023-05-04", "2023-04-30", "DATE", "2023-04-30"},

	// Month and day: the year from the tense.
	{"past month-day of last year", "The leaders met in Prague on October 6.", "2023-05-04", "October 6", "DATE", "2022-10-06"},
	{"past month-day of this year", "Pashinyan spoke to parliament on April 18.", "2023-05-04", "April 18", "DATE", "2023-04-18"},
	{"ordinal day", "Patel said on May 3rd that talks went well.", "2023-05-04", "May 3rd", "DATE", "2023-05-03"},
	{"future month-day", "The ministers will meet again on June 1.", "2023-05-04", "June 1", "DATE", "2023-06-01"},
	{"future month-day early in the year", "The ministers will meet again on January 10.", "2023-05-04", "January 10", "DATE", "2024-01-10"},
	{"present of a scheduled event", "The G20 summit opens on Nov. 15.", "2023-05-04", "Nov. 15", "DATE", "2023-11-15"},
	{"scheduled", "Several days of negotiations are scheduled to end on May 4.", "2023-05-04", "May 4", "DATE", "2023-05-04"},
	{"payable", "The board declared a dividend, payable Dec. 7.", "1989-10-27", "Dec. 7", "DATE", "1989-12-07"},
	{"second day of a list", "The summit will be held on April 24 and 25.", "1999-02-10", "25", "DATE", "1999-04-25"},

	// Months alone.
	{"sentence across abbreviations", "In January, a week after the Roe vs. Wade decision, a bombing in Birmingham, Ala., killed a guard.", "1998-10-25", "January", "DATE", "1998-01"},
	{"month in a past clause", "The deal was signed in February.", "2023-05-04", "February", "DATE", "2023-02"},
	{"month of last year", "The deal was signed in November.", "2023-05-04", "November", "DATE", "2022-11"},
	{"month ahead in a past clause", "Nagel said a move in June was now likely.", "2024-03-14", "June", "DATE", "2024-06"},
	{"month in a past perfect clause", "The record he broke in April had already set tongues wagging.", "2005-01-20", "April", "DATE", "2004-04"},
	{"last month name", "The helicopters crashed last February.", "1998-08-01", "last February", "DATE", "1998-02"},
	{"month last year", "Pol Pot was arrested in July last year.", "1998-02-19", "July last year", "DATE", "1997-07"},

	// Weekdays.
	{"past weekday", "The foreign ministers met with Blinken on Monday.", "2023-05-04", "Monday", "DATE", "2023-05-01"},
	{"verb read as a noun", "Arafat meet separately Monday with Albright.", "1998-05-01", "Monday", "DATE", "1998-05-04"},
	{"weekday before a relative clause", "On Monday the minister, who will retire, signed the treaty.", "2023-05-04", "Monday", "DATE", "2023-05-01"},
	{"weekday before an aside", "On Sunday, the countries -- that is, those which use the euro -- had agreed on a plan.", "2008-10-13", "Sunday", "DATE", "2008-10-12"},
	{"headline weekday above the dateline", "Markets to remain closed until Friday\n\nSeptember 18, 2008\n\nThe government closed the markets.", "2008-09-18", "Friday", "DATE", "2008-09-19"},
	{"could not be reached", "His grandparents could not be reached Wednesday in Cardenas.", "2000-01-06", "Wednesday", "DATE", "2000-01-05"},
	{"Today opening a quote", "He said: \"Today the Tories are wrong.\"", "2005-03-15", "Today", "DATE", "2005-03-15"},
	{"possessive weekday opening a future clause", "Wednesday's game at Old Trafford will decide the title.", "2005-03-15", "Wednesday", "DATE", "2005-03-16"},
	{"the September 11 attacks", "Airlines were hit hard by the 11 September attacks.", "2005-03-15", "11 September", "DATE", "2001-09-11"},
	{"future weekday", "The foreign ministers will meet Blinken on Monday.", "2023-05-04", "Monday", "DATE", "2023-05-08"},
	{"weekday of the reference day", "The ministers met on Thursday.", "2023-05-04", "Thursday", "DATE", "2023-05-04"},
	{"last weekday", "The talks collapsed last Friday.", "2023-05-04", "last Friday", "DATE", "2023-04-28"},
	{"possessive weekday", "Lawyers will appeal Wednesday's ruling.", "2000-01-07", "Wednesday", "DATE", "2000-01-05"},
	{"time before a count", "A jogger spotted the car at 6 a.m. ten days before the shooting.", "1999-04-19", "6 a.m.", "TIME", "1999-04-19T06:00"},
	{"weekday night", "Castro spoke on Sunday night.", "2000-04-03", "Sunday night", "TIME", "2000-04-02TNI"},
	{"plural noun read as a verb", "Gonzalez lashed out at his Miami relatives Sunday night.", "2000-04-17", "Sunday night", "TIME", "2000-04-16TNI"},

	// Relative to the reference date.
	{"this week", "The foreign ministers are in Washington this week.", "2023-05-04", "this week", "DATE", "2023-W18"},
	{"last month", "The ministry cut its forecast last month.", "2024-03-14", "last month", "DATE", "2024-02"},
	{"next year", "The plant will open next year.", "2023-05-04", "next year", "DATE", "2024"},
	{"yesterday", "The minister resigned yesterday.", "2023-05-04", "yesterday", "DATE", "2023-05-03"},
	{"today", "The minister resigns today.", "2023-05-04", "today", "DATE", "2023-05-04"},
	{"years ago", "The bridge was built two years ago.", "2023-05-04", "two years ago", "DATE", "2021"},
	{"the weekend", "The evidence arrived over the weekend.", "2023-05-08", "the weekend", "DATE", "2023-W18-WE"},
	{"the end of last year", "Inflation peaked at the end of last year.", "2024-03-14", "the end of last year", "DATE", "2023"},
	{"present", "The road is now closed.", "2023-05-04", "now", "DATE", "PRESENT_REF"},
	{"the past", "In the past, officials have denied it.", "2023-05-04", "the past", "DATE", "PAST_REF"},

	// Anchored on the last date the text gave.
	{"days earlier", "On April 28, following the installation of the checkpoint five days earlier, the activists left.", "2023-05-04", "five days earlier", "DATE", "2023-04-23"},
	{"the next morning", "The summit opened on March 3. The next morning, the leaders signed a treaty.", "2023-05-04", "The next morning", "TIME", "2023-03-04TMO"},
	{"that same day", "The summit opened on March 3. That same day, the leaders signed a treaty.", "2023-05-04", "That same day", "DATE", "2023-03-03"},
	{"the day before a day", "The day before last Tuesday's hearing, he flew home.", "2000-02-24", "The day before last Tuesday", "DATE", "2000-02-21"},
	{"the week after a holiday", "Shops reopen the week after Christmas.", "2023-05-04", "the week after Christmas", "DATE", "2024-01-01"},
	{"the week of a day", "The case may be resolved in a hearing the week of March 6.", "2000-02-24", "the week of March 6", "DATE", "2000-W10"},
	{"the night of a day keeps the day", "He was shot on the night of Oct. 23.", "1999-05-05", "Oct. 23", "DATE", "1998-10-23"},
	{"that same day after a month", "A doctor was killed last October. His name was crossed out that same day.", "1999-02-06", "that same day", "DATE", "1998-10-XX"},
	{"the next day", "The summit opened on March 3. The next day, the leaders signed a treaty.", "2023-05-04", "The next day", "DATE", "2023-03-04"},
	{"a week after a date", "The vote came a week after May 3.", "2023-05-04", "a week after May 3", "DATE", "2023-05-10"},
	{"that year", "He fled to Florida in June 1998 and returned to Cuba later that year.", "2000-01-28", "later that year", "DATE", "1998"},
	{"the following month", "The board met in March. The following month, the company put itself up for sale.", "1989-10-27", "The following month", "DATE", "1989-04"},
	{"anchored without a reference", "On April 28, following the installation five days earlier, the activists left.", "", "five days earlier", "DATE", "XXXX-04-23"},

	// Quarters of earnings news.
	{"quarter adjective", "Third-quarter profit rose 5%.", "1989-10-26", "Third-quarter", "DATE", "1989-Q3"},
	{"a year earlier after nine months", "Third-quarter net rose 5%. For the nine months, net was $9 million, up from $7 million a year earlier.", "1989-10-26", "a year earlier", "DATE", "1988"},
	{"a second year-earlier comparison", "Costs rose from a year ago. The unit had a loss, compared with a profit a year earlier.", "1989-10-26", "a year earlier", "DATE", "1988"},
	{"a year earlier before the subject", "Net rose to $3 million in the quarter ended Aug. 26. A year earlier UniFirst earned $2.4 million.", "1989-11-01", "A year earlier", "DATE", "1988-Q3"},
	{"year-ago ordinal quarter", "National Intergroup in the year-ago third quarter earned $22.5 million.", "1989-10-30", "the year-ago third quarter", "DATE", "1988-Q3"},
	{"the year's period after nine months", "Net rose in the third quarter. In the first nine months, net was $306 million, compared with a loss in the 1988 period.", "1989-11-02", "the 1988 period", "DATE", "1988"},
	{"a year ago after a quarter", "Third-quarter profit rose to $5 million from $4 million a year ago.", "1989-10-26", "a year ago", "DATE", "1988-Q3"},
	{"the latest quarter", "Sales fell in the latest quarter.", "1989-10-26", "the latest quarter", "DATE", "1989-Q3"},

	// No reference: partial values, or null.
	{"partial month-day", "The ministers met on May 3.", "", "May 3", "DATE", "XXXX-05-03"},
	{"partial weekday", "The ministers met on Monday.", "", "Monday", "DATE", "XXXX-WXX-1"},
	{"partial month", "The ministers met in March.", "", "March", "DATE", "XXXX-03"},
	{"unresolvable", "The ministers met yesterday.", "", "yesterday", "DATE", ""},

	// Durations, times and sets.
	{"duration", "The activists closed the road for over four months.", "2023-05-04", "four months", "DURATION", "P4M"},
	{"unspecified duration", "Several days of talks followed.", "2023-05-04", "Several days", "DURATION", "PXD"},
	{"duration adjective", "The bank announced a 10-year plan.", "2023-05-04", "10-year", "DURATION", "P10Y"},
	{"event after a duration", "The meetings come a week after Azerbaijan installed a checkpoint.", "2023-05-04", "a week", "DURATION", "P1W"},
	{"hours", "The river was expected to peak within 48 hours.", "2023-05-04", "48 hours", "DURATION", "PT48H"},
	{"clock time and day", "The father will leave at 4 a.m. Thursday.", "2000-04-05", "4 a.m. Thursday", "TIME", "2000-04-06T04:00"},
	{"weekday planned ahead", "Protesters were planning to drive around the airport on Monday.", "2000-01-07", "Monday", "DATE", "2000-01-10"},
	{"until with a past perfect", "Until Thursday, they had not called Kopp a suspect.", "1999-05-07", "Thursday", "DATE", "1999-05-06"},
	{"until ahead", "The road stays closed until Thursday.", "1999-05-07", "Thursday", "DATE", "1999-05-13"},
	{"last year's quarter", "U.K. sales for last year's quarter were about $3 million.", "1989-11-01", "last year's quarter", "DATE", "1988-Q3"},
	{"next year's first quarter", "The spinoff could be effective as early as next year's first quarter.", "1989-10-31", "next year's first quarter", "DATE", "1990-Q1"},
	{"the year's period", "Kirschner earned $376,000 on revenue of $14.5 million in the 1988 quarter.", "1989-10-30", "the 1988 quarter", "DATE", "1988-Q3"},
	{"final quarter of a year", "For the final quarter of 2009, Ford says it made profits.", "2010-01-28", "the final quarter of 2009", "DATE", "2009-Q4"},
	{"last half of a year", "Earnings will be lower for the last half of 1989.", "1989-10-26", "the last half of 1989", "DATE", "1989-H2"},
	{"last half of a decade", "Sales followed the trend of the last half of the 1980s.", "1989-10-26", "the 1980s", "DATE", "198"},
	{"day after a PTB quote", "The chief said. ``Today, I'm here to tell you we have our suspect.''", "1999-05-07", "Today", "DATE", "1999-05-07"},
	{"the past decade", "Threats had become routine over the past decade.", "1998-10-25", "the past decade", "DURATION", "P10Y"},
	{"years and a half", "They lived in refugee camps for 2 1/2 years.", "1998-02-27", "2 1/2 years", "DURATION", "P2Y6M"},
	{"hours and a half", "She spent about 5 1/2 hours in Nairobi.", "1998-08-17", "5 1/2 hours", "DURATION", "PT5H30M"},
	{"more units", "The boy will remain for at least two more weeks.", "2000-06-01", "two more weeks", "DURATION", "P2W"},
	{"election day", "Violence will be a theme of our campaign from now to Election Day.", "1998-10-26", "Election Day", "DATE", "1998-11-03"},
	{"election day after a Tuesday first", "Polls open on Election Day.", "2022-10-20", "Election Day", "DATE", "2022-11-08"},
	{"memorial day", "The pool opens on Memorial Day.", "2023-05-04", "Memorial Day", "DATE", "2023-05-29"},
	{"the latest period", "Sales in the latest period were $1.76 billion.", "1989-11-01", "the latest period", "DATE", "1989-Q3"},
	{"now that", "Aqaba is Iraq's only outlet now that a noose has tightened.", "1990-08-16", "now", "DATE", "PRESENT_REF"},
	{"month and spelled year", "January nineteen ninety-seven. Atlanta again.", "1998-02-27", "January nineteen ninety-seven", "DATE", "1997-01"},
	{"season and spelled year", "Prices fell to the level we saw in the winter of nineteen ninety-four.", "1998-02-23", "the winter of nineteen ninety-four", "DATE", "1994-WI"},
	{"month of next year", "Franchises won't be renewed after October of next year.", "2009-05-15", "October of next year", "DATE", "2010-10"},
	{"the year ended a date", "For the year ended Sept. 30, Ralston earned $422.5 million.", "1989-11-02", "the year", "DURATION", "P1Y"},
	{"the fiscal year ended a date", "In the fiscal year ended Jan. 31, the company reported sales of $9 million.", "1989-10-31", "the fiscal year", "DURATION", "P1Y"},
	{"participle after a noun", "Following are statements made Friday and Thursday by the lawyer.", "1998-02-06", "Thursday", "DATE", "1998-02-05"},
	{"second of two weekdays", "The lawyer spoke Tuesday and Wednesday, then left.", "1998-02-06", "Wednesday", "DATE", "1998-02-04"},
	{"had been due", "The offer was extended to Nov. 16. It had been due to expire Friday evening.", "1989-10-30", "Friday evening", "TIME", "1989-10-27TEV"},
	{"had been set for a later day", "The offer had been set to expire Nov. 6.", "1989-11-02", "Nov. 6", "DATE", "1989-11-06"},
	{"current as the present", "The company delayed construction because of current market conditions.", "1989-10-30", "current", "DATE", "PRESENT_REF"},
	{"then current", "Holders may buy shares at 50% of the then current market price.", "1989-10-26", "then current", "DATE", "PAST_REF"},
	{"recent as the past", "The offer was triggered by the recent sale of the disk-drive unit.", "1989-10-30", "recent", "DATE", "PAST_REF"},
	{"and between nouns joins no clauses", "Qantas will almost double its flights between Australia and India by August in the search for new markets untouched by the crisis.", "1998-02-13", "August", "DATE", "1998-08"},
	{"agreement to act", "First of America announced an agreement to acquire the bank holding company in January.", "1989-11-02", "January", "DATE", "1990-01"},
	{"part of a day before yesterday", "In London at mid-afternoon yesterday, Ratners's shares were up 2 pence.", "1989-11-02", "mid-afternoon yesterday", "TIME", "1989-11-01TAF"},
	{"the near term", "The prospects for a return to growth in the near term appear good.", "2009-08-21", "the near term", "DATE", "FUTURE_REF"},
	{"straight units", "The dollar rose after six straight days of losses.", "2008-10-27", "six straight days", "DURATION", "P6D"},
	{"the nth day of an event", "In Saudi Arabia, today is the eighth day of Desert Shield.", "1990-08-15", "the eighth day", "DATE", "1990-08-15"},
	{"a second consecutive day", "Trading has been suspended for a second consecutive day.", "2008-09-17", "a second consecutive day", "DATE", "2008-09-17"},
	{"the latest fiscal year", "Provigo had C$7.38 billion in sales in the latest fiscal year.", "1989-10-26", "the latest fiscal year", "DATE", "1988"},
	{"until then", "Conversion rights will terminate on Nov. 30. Until then, the stock remains convertible.", "1989-10-30", "then", "DATE", "1989-11-30"},
	{"by that time", "The deal will be finalized by June 10. If a price is not agreed on by that time, Fiat will pay more.", "2011-05-29", "that time", "DATE", "2011-06-10"},
	{"trading days", "Eight trading days after Oct. 12, the index was still behind.", "1989-10-30", "Eight trading days", "DURATION", "P8D"},
	{"or so ago", "Then, a week or so ago, the general secretly approved the plan.", "1991-02-25", "a week or so ago", "DATE", "1991-02-18"},
	{"one day ahead", "Islam will one day be the second largest religion in the country.", "1998-03-03", "one day", "DATE", "FUTURE_REF"},
	{"one day as a duration", "One day passed without news.", "1998-03-03", "One day", "DURATION", "P1D"},
	{"this year as last", "The gain would mean nearly twice as high a dividend this year as last.", "1989-10-27", "last", "DATE", "1988"},
	{"clock time in UTC", "The Dow Jones was down 2.62% at 16:08 UTC.", "2008-09-17", "16:08 UTC", "TIME", "2008-09-17T16:08Z"},
	{"clock time with a zone and no at", "As of 14:48 UTC, the FTSE 100 dropped.", "2008-10-06", "14:48 UTC", "TIME", "2008-10-06T14:48Z"},
	{"24-hour clock time", "At 0800 GMT, the banks announced a joint effort.", "2008-09-18", "0800 GMT", "TIME", "2008-09-18T08:00Z"},
	{"clock time with its GMT conversion", "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08", "10:35 a.m.", "TIME", "1998-08-07T10:35"},
	{"day after a GMT conversion", "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08", "Friday", "DATE", "1998-08-07"},
	{"time restated with its day", "The father will leave at 4 in the morning (4 a.m. EDT Thursday).", "2000-04-05", "4 in the morning", "TIME", "2000-04-06T04:00"},
	{"restatement with its day", "The father will leave at 4 in the morning (4 a.m. EDT Thursday).", "2000-04-05", "4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00"},
	{"o'clock", "The vote closes at 9 o'clock.", "2000-04-05", "9 o'clock", "TIME", "2000-04-05T09:00"},
	{"clock time then the day", "In a press conference at 16:15 UTC, June 1st, Henderson spoke.", "2009-06-04", "16:15 UTC, June 1st", "TIME", "2009-06-01T16:15Z"},
	{"clock time in a local zone", "The polls close at 8 p.m. EST.", "2008-11-04", "8 p.m. EST", "TIME", "2008-11-04T20:00"},
	{"every weekday", "Protesters gather every Monday.", "2023-05-04", "every Monday", "SET", "XXXX-WXX-1"},
	{"frequency", "The number is rising every day.", "2023-05-04", "every day", "SET", "P1D"},
}

func TestDates(t *testing.T) {
	x := extractor(t)
	for _, c := range dateCases {
		t.Run(c.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), extract.Document{Text: c.text, Date: c.ref})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Dates {
				if d.Text != c.want {
					continue
				}
				if d.Type != c.typ || value(d) != c.value {
					t.Errorf("%q: got %s %q, want %s %q", c.want, d.Type, value(d), c.typ, c.value)
				}
				return
			}
			t.Errorf("%q not found in %v", c.want, texts(res.Dates))
		})
	}
}

// notDates are sentences with numbers and month names that are no dates.
var notDates = []struct{ name, text string }{
	{"count with a comma", "More than 2,000 people attended the rally."},
	{"count before a noun", "The army sent 1500 troops to the border."},
	{"amount", "The company paid $2000 for the permit."},
	{"modal May", "May I ask a question?"},
	{"verb march", "The veterans march to the square."},
	{"surname May", "British Prime Minister Theresa May said the deal was final."},
	{"as soon as possible", "The corridor must reopen as soon as possible."},
	{"a peaceful future", "We remain committed to a peaceful future for the region."},
	{"a quarter of", "A quarter of the villages were cut off."},
	{"age", "A 44-year-old man was arrested."},
	{"holiday as a modifier", "Christmas sales were strong."},
	{"discourse now", "Iraq was ready to withdraw. Now, he says, the West wants more."},
	{"now for", "Now for the geography quiz."},
	{"quoted show title", "Baker, speaking on ABC News' \"This Week,\" said the request was clear."},
	{"today in a name", "The survey was published by USA Today and the pollsters."},
	{"programme named Today", "He told BBC Radio 4's Today programme the plan was wrong."},
	{"age without a hyphen", "They trained 50-year old women."},
	{"half of a match", "There were queries over Mark Cueto's first half-effort."},
	{"noon in a title", "The poster showed Gary Cooper from the film High Noon."},
	{"soon as an adjective", "The leaders met at the soon-to-open terminal."},
}

func TestNotDates(t *testing.T) {
	x := extractor(t)
	for _, c := range notDates {
		t.Run(c.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), extract.Document{Text: c.text, Date: "2023-05-04"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dates) > 0 {
				t.Errorf("found dates %v", texts(res.Dates))
			}
		})
	}
}

// TestReferenceDate checks where the reference date comes from: the caller,
// else the text's opening lines (a dateline, a caption), else nowhere.
func TestReferenceDate(t *testing.T) {
	x := extractor(t)
	caption := "Ministers meet in Washington\n\nThe ministers meet in Washington on May 1, 2023 (Photo: Twitter)\n\nOn May 3, the ministers met again. They met on Monday."
	cases := []struct {
		name, text, date, from string
		wantDate, wantFrom     string
		monday                 string
	}{
		{"flag", caption, "2023-05-04", "", "2023-05-04", "flag", "2023-05-01"},
		{"record", caption, "2023-05-04", "record", "2023-05-04", "record", "2023-05-01"},
		{"text", caption, "", "", "2023-05-01", "text", "2023-05-01"},
		{"none", "On May 3, the ministers met again. They met on Monday.", "", "", "", "", "XXXX-WXX-1"},
		{"date deep in the body is no reference", "Talks went on.\n\nStill going.\n\nMore talks.\n\nThe war ended on May 1, 2023. They met on Monday.", "", "", "", "", "XXXX-WXX-1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), extract.Document{Text: c.text, Date: c.date, DateFrom: c.from})
			if err != nil {
				t.Fatal(err)
			}
			if got := deref(res.ReferenceDate); got != c.wantDate {
				t.Errorf("reference_date = %q, want %q", got, c.wantDate)
			}
			if got := deref(res.ReferenceDateFrom); got != c.wantFrom {
				t.Errorf("reference_date_from = %q, want %q", got, c.wantFrom)
			}
			for _, d := range res.Dates {
				if d.Text == "Monday" && value(d) != c.monday {
					t.Errorf("Monday = %q, want %q", value(d), c.monday)
				}
			}
		})
	}
}

// TestDateSpans checks that every date span is exact in code points, in a
// text with characters outside ASCII before and inside the dates.
func TestDateSpans(t *testing.T) {
	x := extractor(t)
	text := "Pashinyan’s “talks” in Yerevan — on May 3 — followed the Prague summit on October 6, and Médecins Sans Frontières said on Monday it was ready."
	res, err := x.Extract(context.Background(), extract.Document{Text: text, Date: "2023-05-04"})
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	if len(res.Dates) != 3 {
		t.Fatalf("dates %v, want May 3, October 6, Monday", texts(res.Dates))
	}
	for i, d := range res.Dates {
		if got := string(runes[d.Start:d.End]); got != d.Text {
			t.Errorf("span %d:%d is %q, text %q", d.Start, d.End, got, d.Text)
		}
		if i > 0 && d.Start < res.Dates[i-1].End {
			t.Errorf("dates not sorted or overlapping: %v", texts(res.Dates))
		}
	}
}

func value(d extract.Date) string { return deref(d.Value) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func texts(ds []extract.Date) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("[" + d.Text + " " + value(d) + "] ")
	}
	return b.String()
}

// FuzzDates checks that any text yields dates whose spans are exact, in
// order and not overlapping, with or without a reference date.
func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"On May 3, the ministers met. Five days earlier, on Monday, they spoke.",
		"The third-quarter profit rose from a year ago; the 1990s; mid-1996; 4 a.m. Thursday.",
		"May", "Sept.", "the next", "a week after", "nineteen", "two thousand and", "'",
		"WASHINGTON, January 10, 2024\n\nLater that year, the following month.",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text string, withDate bool) {
		if extract.CheckText(text) != nil {
			return
		}
		doc := extract.Document{Text: text}
		if withDate {
			doc.Date = "2023-05-04"
		}
		res, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(text)
		for i, d := range res.Dates {
			if d.Start < 0 || d.End > len(runes) || d.Start >= d.End || string(runes[d.Start:d.End]) != d.Text {
				t.Fatalf("bad span %d:%d %q", d.Start, d.End, d.Text)
			}
			if i > 0 && d.Start < res.Dates[i-1].End {
				t.Fatalf("dates overlap or are out of order: %s", texts(res.Dates))
			}
		}
	})
}

// TestSeedArticleWithoutDate checks that the sample article's dates come
// out the same without a reference date as with its publication date: its
// photo caption ("... on May 1, 2023 (Photo: ...)") gives the reference.
func TestSeedArticleWithoutDate(t *testing.T) {
	x := extractor(t)
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	with, err := x.Extract(context.Background(), extract.Document{Text: string(text), Date: "2023-05-04"})
	if err != nil {
		t.Fatal(err)
	}
	without, err := x.Extract(context.Background(), extract.Document{Text: string(text)})
	if err != nil {
		t.Fatal(err)
	}
	if got, from := deref(without.ReferenceDate), deref(without.ReferenceDateFrom); got != "2023-05-01" || from != "text" {
		t.Errorf("reference %q from %q, want 2023-05-01 from text", got, from)
	}
	if a, b := texts(with.Dates), texts(without.Dates); a != b {
		t.Errorf("dates differ:\nwith --date: %s\nwithout:     %s", a, b)
	}
}
