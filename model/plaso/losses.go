package plaso

import "chrono/model"

// Carries is the event fields a Plaso event holds: a title, a date, tags,
// and every other attribute as the summary's lines. An update keeps every
// other field as stored.
const Carries = model.FieldDate | model.FieldTitle | model.FieldSummary | model.FieldTags

// NotesLabels counts l2tcsv notes of several words each read as a label
// of the event tag psort writes there, a tag each: words written by hand
// ("TODO ask Bob") read so too.
var NotesLabels = model.Loss{One: "l2tcsv notes of several words read as Plaso labels, a tag each", Many: "l2tcsv notes of several words read as Plaso labels, a tag each"}

// NotATime counts events whose time Plaso says is "Not a time", written
// at 1970-01-01T00:00:00Z (timestamp 0): they are imported undated, not
// dated 1970.
var NotATime = model.Loss{One: `event of type "Not a time" imported undated`, Many: `events of type "Not a time" imported undated`}

// ZeroTimestamp counts json_line events of another type at timestamp 0,
// which Plaso writes for a time its parser did not find (a NotSet
// date_time) and its own outputs show as no date: imported undated.
var ZeroTimestamp = model.Loss{One: "event at timestamp 0 (Plaso's mark of no time) imported undated", Many: "events at timestamp 0 (Plaso's mark of no time) imported undated"}

// What reading l2tcsv changes.
var (
	// NoDate counts rows dated 00/00/0000, Plaso's mark for a timestamp
	// it could not write: they are imported undated.
	NoDate = model.Loss{One: "l2tcsv row dated 00/00/0000 imported undated", Many: "l2tcsv rows dated 00/00/0000 imported undated"}
	// RepeatedHour counts local times that a daylight saving change
	// repeats (02:30 twice in one night): l2tcsv does not say which was
	// meant, and the first is taken.
	RepeatedHour = model.Loss{One: "l2tcsv time in an hour a clock change repeats read at its first occurrence", Many: "l2tcsv times in an hour a clock change repeats read at their first occurrence"}
	// AssumedNorthAmerican counts times in CST, CDT or PST, read as
	// North America's: China, Taiwan and Cuba write CST and CDT too, and
	// the Philippines PST, each for another offset.
	AssumedNorthAmerican = model.Loss{One: "l2tcsv time in CST, CDT or PST read as North American, not China's, Cuba's or the Philippines'", Many: "l2tcsv times in CST, CDT or PST read as North American, not China's, Cuba's or the Philippines'"}
	// AssumedAtlantic counts times in AST or ADT, read as the Atlantic
	// zone's (-04:00, -03:00): a zone database of before 2017 wrote AST
	// for Arabia's +03:00 too, and ADT for Baghdad's summer time (+04:00,
	// 1982 to 2007).
	AssumedAtlantic = model.Loss{One: "l2tcsv time in AST or ADT read as the Atlantic's, not Arabia's", Many: "l2tcsv times in AST or ADT read as the Atlantic's, not Arabia's"}
	// AssumedSouthKorean counts times in KST from August 2015 to May
	// 2018, read as +09:00: North Korea wrote KST for +08:30 then.
	AssumedSouthKorean = model.Loss{One: "l2tcsv time in KST of 2015–2018 read as South Korea's +09:00, not North Korea's +08:30", Many: "l2tcsv times in KST of 2015–2018 read as South Korea's +09:00, not North Korea's +08:30"}
)
