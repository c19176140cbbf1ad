// Package plaso reads the outputs of Plaso's psort, the forensic
// timeline tool, that chrono can take directly: json_line and l2tcsv.
//
// json_line is one JSON object per line, with the keys sorted: Plaso's
// container markers (__container_type__, __type__), then the event's
// attributes, among them message, timestamp (microseconds since
// 1970-01-01T00:00:00Z, in UTC), timestamp_desc, display_name, parser,
// data_type, pathspec (an object) and, when the event is tagged, tag: an
// event tag object whose labels are the tags. It is read as Timesketch
// JSONL is (package timesketch): the message is the title, the timestamp
// the date to the second with the fraction the timestamp has, the labels
// the tags, and every other key a "key: value" line of the summary,
// objects as their JSON text,
// but for Plaso's container markers (__container_type__: event,
// __type__: AttributeContainer), the same on every event.
// Only an event tag's members other than its labels (an old comment) are
// not carried, and are counted. An event at timestamp 0, which Plaso's
// own outputs show as no date (its timestamp_desc "Not a time", or a
// parser that found no time), is imported undated, not dated 1970, and
// counted.
//
// l2tcsv is the classic CSV of log2timeline, a row a line, 17 columns
// with a header row, nothing quoted (psort turns a comma in a value into
// a space, so a quote in a value is text; a file a spreadsheet saved again
// with quoted cells reads the same): date (MM/DD/YYYY), time (HH:MM:SS), timezone (UTC, a zone name
// such as Europe/Amsterdam, or what psort writes with --output_time_zone:
// an abbreviation such as CEST or an offset such as +03), MACB, source, sourcetype, type, user, host,
// short, desc, version, filename, inode, notes, format and extra. The
// date, time and timezone are the date, at second precision with the
// offset the zone had then; desc is the title (short when desc is
// empty); notes are the tags when they are Plaso labels (letters, digits
// and _, separated by spaces), else an attribute; every other column
// that holds something ("-" is nothing) is a "key: value" line of the
// summary, named as in the header, short only when it says more than
// desc, timezone only when it is not UTC. The version column, always 2,
// is not carried. A date of 00/00/0000 (Plaso could not write the time)
// and a row of type "Not a time" (Plaso's event without a time, written
// at 1970-01-01) are imported undated, and a local time that a daylight saving change
// repeats is read at its first occurrence; both are counted.
//
// Zone names are looked up in the system's time zone database, and in a
// copy built into chrono where the system has none. A name that is not
// one there is read as the abbreviation psort wrote (pytz's name for the
// zone's state at that moment: CEST in summer, CET in winter), which
// denotes a fixed offset, so the row is exact even in the hour a clock
// change repeats: WEST and BST +01:00, CEST +02:00, EEST +03:00, EDT
// -04:00, MDT -06:00, PDT -07:00, AKST/AKDT, HDT, JST, KST, AEST/AEDT,
// ACST/ACDT, AWST, NZST/NZDT and a few more. The zone database's names
// come first, so CET, EET, WET, EST, MST and HST are those zones, which
// agree. Both are read in any case ("cest", "est"), as a file made by hand
// may write them. MSK is read in Europe/Moscow, whose standard time was +04:00
// from 2011 to 2014. CST, CDT and PST are read as North American
// (-06:00, -05:00, -08:00), the zones psort users mostly meet, and
// counted, since China and Taiwan write CST for +08:00, Cuba CST and CDT
// an hour ahead of North America, and the Philippines PST for +08:00.
// So are AST and ADT, read as the Atlantic's (-04:00, -03:00): with a
// zone database of before 2017, psort wrote AST for Arabia's +03:00 and
// ADT for Baghdad's summer time (+04:00, 1982 to 2007). KST is
// +09:00, counted from August 2015 to May 2018, when North Korea wrote it
// for +08:30.
// IST (India, Israel or Ireland) is refused at its line: re-run psort
// with --output_time_zone UTC, or write the IANA name. An offset, as
// pytz writes one for a zone without an abbreviation (+03, -0330) or as
// +05:30, is that offset.
package plaso
