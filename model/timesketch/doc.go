// Package timesketch reads and writes the import formats of Google
// Timesketch, the forensic timeline tool: JSONL (one JSON object per line)
// and CSV with a header row. Each record is one event:
//
//	message         what happened: the event's title
//	datetime        when, in ISO 8601: 2017-08-14T15:04:05+00:00
//	timestamp_desc  what kind of time it is: "File created"
//	timestamp       optional: microseconds since 1970-01-01T00:00:00Z
//	tag             optional: a JSON list, "a,b", or "-" for none; a
//	                Python list, ['a', 'b'], as pandas writes one, too
//
// Every other column (or member) is an attribute. Dates are read as
// Timesketch's importer reads them: a timestamp that dates a record is in
// the unit its size says (see timestampUnit), a datetime may be epoch
// microseconds, and a cell of blank space is empty, as is a datetime of
// 0000-00-00 (Plaso's mark of an event without a time; counted). A
// record whose only time is timestamp 0, Plaso's mark too (Timesketch
// exports it beside a datetime of 1970-01-01T00:00:00+00:00), is
// undated, and counted.
//
// Reading keeps a date at the precision written (2017-08-14 is a day;
// 2017-08-14T15:04:05+02:00 a second, with its offset) and every attribute
// in the event's summary, as "key: value" lines in the file's order, so
// that nothing is lost. Timesketch records have no ids: each gets one made
// from its datetime, timestamp_desc and message, so that importing the
// same file again updates the events instead of duplicating them; the
// records that share all three are numbered in the file's order, and
// counted (NumberedInOrder); once the store holds them so, or when the
// file brings them together with another of their time, an import tells
// them apart by their other attributes, whatever their order (alike.go).
//
// Writing adds chrono's own keys (chrono_id, date_edtf, date_text,
// date_source, status, summary, actors, quotes, sources, links, notes,
// media), so that an export reads back to the same events. A record with
// a chrono_id is read as chrono wrote it; in any other record those keys
// are ordinary attributes, so that a web log's "status" column is not
// taken for the standing of a claim.
//
// Timesketch needs a time for every event, so an export leaves out the
// events it cannot place honestly (undated ones, those whose start is open
// or unknown, and those outside the years 1–9999) and counts them in the
// model.Losses it is given, with everything else the format cannot carry.
package timesketch

import "strings"

// The keys of a record: Timesketch's own, then chrono's.
const (
	keyMessage    = "message"
	keyDatetime   = "datetime"
	keyTimestamp  = "timestamp"
	keyDesc       = "timestamp_desc"
	keyTag        = "tag"
	keyID         = "chrono_id"
	keyEDTF       = "date_edtf"
	keyDateText   = "date_text"
	keyDateSource = "date_source"
	keyStatus     = "status"
	keySummary    = "summary"
	keyActors     = "actors"
	keyQuotes     = "quotes"
	keySources    = "sources"
	keyLinks      = "links"
	keyNotes      = "notes"
	keyMedia      = "media"
)

// columns is the order in which both writers put the keys.
var columns = []string{
	keyMessage, keyDatetime, keyTimestamp, keyDesc, keyTag,
	keyID, keyEDTF, keyDateText, keyDateSource, keyStatus, keySummary,
	keyActors, keyQuotes, keySources, keyLinks, keyNotes, keyMedia,
}

// timesketchOwn reports whether key is one of Timesketch's own, which
// its export adds to each record: the record's place in Timesketch's
// index (_id, _index, _type, __ts_timeline_id), and its labels when it
// has none (a label, a star or a comment, says something, and is kept).
func timesketchOwn(key, text string) bool {
	switch key {
	case "_id", "_index", "_type", "__ts_timeline_id":
		return true
	case "label":
		t := strings.TrimSpace(text)
		return t == "" || t == "[]"
	}
	return false
}

// chronoKey reports whether key is one of the keys chrono adds to a
// record, read as chrono's fields when the record has a chrono_id.
func chronoKey(key string) bool {
	switch key {
	case keyID, keyEDTF, keyDateText, keyDateSource, keyStatus, keySummary,
		keyActors, keyQuotes, keySources, keyLinks, keyNotes, keyMedia:
		return true
	}
	return false
}
