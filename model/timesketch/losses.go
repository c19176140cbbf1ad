package timesketch

import "chrono/model"

// Carries is the event fields a Timesketch record chrono wrote holds:
// every one, in chrono's own keys.
const Carries = model.AllFields

// foreignCarries is what a record chrono did not write holds: a title
// (message), a date, tags, and the other keys as the summary's lines. An
// update keeps every other field as stored.
const foreignCarries = model.FieldDate | model.FieldTitle | model.FieldSummary | model.FieldTags

// What reading a Timesketch file can change.
var (
	// TagCleaned counts Timesketch tags that broke chrono's tag rules (a
	// comma, semicolon or control character, a leading #, surrounding
	// spaces, more than 64 bytes, invalid UTF-8) and were mended: bad
	// characters become "-", the # and spaces go, a long tag is cut.
	TagCleaned = model.Loss{One: "tag cleaned to fit chrono's tag rules", Many: "tags cleaned to fit chrono's tag rules"}
	// TagDropped counts tags that were empty, or repeated on the same
	// event, once cleaned.
	TagDropped = model.Loss{One: "empty or repeated tag dropped", Many: "empty or repeated tags dropped"}
	// TimesketchOwn counts the attributes Timesketch's export adds to a
	// record chrono wrote (where Timesketch keeps it: _id, _index,
	// __ts_timeline_id, and an empty label), left out: they say nothing
	// of the event, and would be lines of its summary.
	TimesketchOwn = model.Loss{One: "attribute of Timesketch's own (_id, _index, __ts_timeline_id, an empty label) left out of an event chrono wrote", Many: "attributes of Timesketch's own (_id, _index, __ts_timeline_id, empty labels) left out of events chrono wrote"}
	// ListPythonList counts the other lists of strings (actors) written
	// so in a CSV cell, read as their items.
	ListPythonList = model.Loss{One: "list written as a Python list read as its items", Many: "lists written as Python lists read as their items"}
	// TagPythonList counts tag values written as a Python list of
	// strings (['a', 'b'], as pandas writes a list to CSV, and with it
	// Timesketch's own CSV export), read as its tags: Timesketch reads
	// only a JSON list so, and refuses the file.
	TagPythonList = model.Loss{One: "tag value written as a Python list read as its tags", Many: "tag values written as Python lists read as their tags"}
	// DatetimeNoSeconds counts datetimes written to the minute (10:15),
	// read at second 00: chrono's times are to the second.
	DatetimeNoSeconds = model.Loss{One: "datetime without seconds read at second 00", Many: "datetimes without seconds read at second 00"}
)

// What reading a Timesketch file infers, as Timesketch does: a number
// of seconds since 1970 and one of microseconds look alike, and only
// their size tells them apart (see timestampUnit).
var (
	// TimestampSeconds, TimestampMillis and TimestampNanos count the
	// records dated by a timestamp read in a unit other than the
	// microseconds Timesketch documents.
	TimestampSeconds = model.Loss{One: "timestamp read as seconds, from its size", Many: "timestamps read as seconds, from their size"}
	TimestampMillis  = model.Loss{One: "timestamp read as milliseconds, from its size", Many: "timestamps read as milliseconds, from their size"}
	TimestampNanos   = model.Loss{One: "timestamp read as nanoseconds, from its size", Many: "timestamps read as nanoseconds, from their size"}
	// DatetimeMicros counts datetimes written as epoch microseconds
	// instead of ISO 8601, which Timesketch's importer also reads.
	DatetimeMicros = model.Loss{One: "datetime read as epoch microseconds", Many: "datetimes read as epoch microseconds"}
	// TagLabels counts tag cells of psort's dynamic CSV read as Plaso
	// labels, one tag each, where Timesketch CSV would read one tag
	// holding spaces (see dynamicLabels): the rule is a guess, so it says
	// how often it was made.
	TagLabels = model.Loss{One: "tag cell of Plaso labels read as a tag each", Many: "tag cells of Plaso labels read as a tag each"}
	// DatetimeNoTime counts datetimes of 0000-00-00, Plaso's mark of an
	// event without a time, read as empty: such an event is undated
	// unless a timestamp dates it.
	DatetimeNoTime = model.Loss{One: "datetime 0000-00-00 (Plaso's mark of no time) read as empty", Many: "datetimes 0000-00-00 (Plaso's mark of no time) read as empty"}
	// TimestampDisagrees counts records whose timestamp is another
	// instant than their datetime: one of the two is wrong, and only the
	// analyst can say which.
	TimestampDisagrees = model.Loss{One: "record whose timestamp is another time than its datetime: dated by the datetime, the timestamp kept in the summary", Many: "records whose timestamp is another time than their datetime: dated by the datetime, the timestamps kept in the summary"}
	// TimestampZero counts records whose only time is timestamp 0, beside
	// no datetime or one of that instant (Timesketch's export of such an
	// event writes 1970-01-01T00:00:00+00:00), read as undated: Plaso's
	// mark of an event without a time, not 1970-01-01.
	TimestampZero = model.Loss{One: "record at timestamp 0 (Plaso's mark of no time) read as undated", Many: "records at timestamp 0 (Plaso's mark of no time) read as undated"}
)

// What writing a Timesketch file cannot carry.
var (
	// Undated counts events left out because Timesketch needs a time for
	// every event and chrono will not invent one.
	Undated = model.Loss{One: "undated event skipped", Many: "undated events skipped"}
	// LocalAsUTC counts events whose time of day has no offset (local
	// time, chrono's "local time there"), written as UTC because
	// Timesketch's datetime is an instant.
	LocalAsUTC = model.Loss{One: "local time without an offset written as UTC", Many: "local times without an offset written as UTC"}
	// OpenStart counts events whose date has an open or unknown start
	// (../2021): their earliest instant is unbounded, and using the end
	// instead would put them where they are known not to have begun.
	OpenStart = model.Loss{One: "event with an open or unknown start skipped", Many: "events with an open or unknown start skipped"}
	// OutOfRange counts events whose earliest instant is outside the
	// years 1–9999, which RFC 3339 and Timesketch cannot write.
	OutOfRange = model.Loss{One: "event dated outside the years 1–9999 skipped", Many: "events dated outside the years 1–9999 skipped"}
	// TitleLeftOut and DescriptionLeftOut count the investigation's title
	// and description: a Timesketch file has no place for them.
	TitleLeftOut       = model.Loss{One: "investigation title left out", Many: "investigation titles left out"}
	DescriptionLeftOut = model.Loss{One: "investigation description left out", Many: "investigation descriptions left out"}
	// SourceLeftOut counts sources no written event cites: sources travel
	// in the rows of the events that cite them.
	SourceLeftOut = model.Loss{One: "source cited by no exported event left out", Many: "sources cited by no exported event left out"}
	// LinkToSkipped counts links, written, to events that were skipped:
	// they resolve only in a store that already has those events. chrono
	// export leaves such links out before writing (LeavesOut), counting
	// them as model.LostLinkToLeftOut; this counts those a caller left in.
	LinkToSkipped = model.Loss{One: "link to a skipped event", Many: "links to skipped events"}
	// LineBreaksCSV counts events whose text has CR LF line breaks: CSV
	// readers, chrono's included, read them back as LF.
	LineBreaksCSV = model.Loss{One: "event with CR LF line breaks that CSV reads back as LF", Many: "events with CR LF line breaks that CSV reads back as LF"}
	// FormulaCells counts cells of free text that begin as a spreadsheet
	// formula (= + - @): written as they are, as Timesketch reads them,
	// they would run if the file were opened in a spreadsheet.
	FormulaCells = model.Loss{One: "cell written as it is that a spreadsheet would run as a formula (open the file in Timesketch; export --format csv guards such cells)", Many: "cells written as they are that a spreadsheet would run as formulas (open the file in Timesketch; export --format csv guards such cells)"}
)

// NumberedInOrder counts the records that share their datetime,
// timestamp_desc and message with another of the file, numbered in the
// file's order (the second "ts-…-2", and so on) when the store holds no
// numbering of them yet. A later import of them, in any order, tells them
// apart by their other attributes (alike.go).
var NumberedInOrder = model.Loss{
	One:  "record sharing its datetime, timestamp_desc and message with another, numbered by its place in the file (a re-import tells them apart by their other attributes)",
	Many: "records sharing their datetime, timestamp_desc and message with another, numbered by their place in the file (a re-import tells them apart by their other attributes)",
}
