package timesketch

import (
	"errors"
	"fmt"
	"strings"

	"chrono/model"
)

// converter gathers the problems of one record as it is converted.
type converter struct {
	rec      *record
	problems []string
	losses   tally
	// epoch is the date a record at timestamp 0 was read as undated
	// from (see noTimestamp), which its id is made from still: the id it
	// had when chrono dated such records 1970.
	epoch model.Date
}

func (c *converter) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// str returns the string value of key; "" when there is none, or when it
// is not a string, which is a problem.
func (c *converter) str(key string) string {
	v, ok := c.rec.get(key)
	switch {
	case !ok || (v.json && v.text == "null"):
		return ""
	case v.json && kindName(v.text) == "a number":
		c.fail("%s: want a string, found a number: write it in quotes, \"%s\": %q", key, key, v.text)
		return ""
	case v.json:
		c.fail("%s: want a string, found %s: Timesketch reads text there", key, kindName(v.text))
		return ""
	}
	return v.text
}

// stamp is a record's timestamp.
type stamp struct {
	text    string // as written
	n       int64  // units since 1970-01-01T00:00:00Z: see timestampUnit
	present bool   // the record has one
	ok      bool   // it is usable (when not, that was reported)
}

// timestamp returns the record's timestamp.
func (c *converter) timestamp() stamp {
	v, present := c.rec.get(keyTimestamp)
	if !present || (v.json && v.text == "null") || (!v.json && blank(v.text)) {
		return stamp{} // blank space is no timestamp, as Timesketch reads it
	}
	ts := stamp{text: v.text, present: true}
	if v.json && kindName(v.text) != "a number" {
		c.fail("timestamp: want a number of microseconds since 1970-01-01T00:00:00Z, found %s", kindName(v.text))
		return ts
	}
	n, why := parseTimestamp(v.text)
	if why != "" {
		c.fail("timestamp %q: %s", v.text, why)
		return ts
	}
	ts.n, ts.ok = n, true
	return ts
}

// datetime returns the record's datetime as written: a string, or the
// text of a JSON number (epoch microseconds, to Timesketch); "" when there
// is none or it is blank space, as Timesketch reads it. bad says that it
// is of another kind, which is reported.
func (c *converter) datetime() (dt string, bad bool) {
	v, ok := c.rec.get(keyDatetime)
	switch {
	case !ok || (v.json && v.text == "null"):
		return "", false
	case v.json && kindName(v.text) != "a number":
		c.fail("%s: want a string, found %s", keyDatetime, kindName(v.text))
		return "", true
	case blank(v.text):
		return "", false
	}
	return v.text, false
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// list decodes one of chrono's list-valued keys into into.
func (c *converter) list(key string, into any) { c.listAs(key, into, false) }

// eventList is list for a list of the event's own, whose strings are cut
// from one copy of the list when the sink takes them so (record.shared).
func (c *converter) eventList(key string, into any) { c.listAs(key, into, c.rec.shared) }

func (c *converter) listAs(key string, into any, shared bool) {
	v, ok := c.rec.get(key)
	if !ok || v.decoded && c.rec.lists.decoded(key, into) {
		return
	}
	msg := decodeList(key, v, c.rec.csv, shared, into)
	if msg == "" || !c.rec.csv {
		if msg != "" {
			c.problems = append(c.problems, msg)
		}
		return
	}
	// pandas, and with it Timesketch's own CSV export, writes a list as
	// Python's repr of it: one of strings is read so, as tags are.
	text := strings.TrimSpace(v.text)
	if strs, ok := into.(*[]string); ok {
		if items, ok := pythonList(text); ok {
			*strs = items
			c.losses.Add(ListPythonList, 1)
			return
		}
	}
	if strings.HasPrefix(text, "[{'") || strings.HasPrefix(text, "['") {
		msg += ": it is written as a Python list, as pandas and Timesketch's CSV export write one; export the timeline from Timesketch as JSONL, which keeps it JSON"
	}
	c.problems = append(c.problems, msg)
}

// result is one record as converted: all of it but what depends on the
// records before it, which reader.commit adds in file order, so that the
// conversion itself can run on any goroutine.
type result struct {
	line int // where the record starts, from 1
	// syntax, when set, says why the line is not a JSON object, at column
	// col; nothing else is set then.
	syntax   string
	col      int
	event    model.Event // its ID is set by commit when the record has none
	problems []string    // every problem but a source's redefinition
	chrono   bool        // written by chrono: it has sources, not a made-up id
	sources  []model.Source
	id       madeID // the id made when the record has none
	// written, when the id is made from an instant written otherwise
	// than idTime writes it, is the record's date as written and its
	// timestamp_desc: what an earlier chrono made the id of (legacyID).
	written, desc string
	at            string // the time id is made of, which records alike share
	pos           int    // the record's position in its file, from 1
	told          int    // the records alike it is counted as numbered in order (number)
	losses        tally
}

// unit is the unit of timestamp n: microseconds for a file that always
// writes them, else the one its size says.
func (c *converter) unit(n int64) unit {
	if c.rec.micros {
		return micros
	}
	return timestampUnit(n)
}

// convert turns one record into an event, the sources it brings and every
// problem with it; the event is usable only when there are none. memo,
// when not nil, decodes the sources.
func convert(rec *record, memo *sourceMemo, out *result) {
	c := &converter{rec: rec}
	var e model.Event
	id := c.str(keyID)
	chrono := id != "" // written by chrono: its keys are its fields
	if !chrono {
		rec.listText()
	}

	// A value of the wrong kind is one problem, not also a missing one.
	n := len(c.problems)
	e.Title = c.str(keyMessage)
	if _, given := c.rec.get(keyMessage); len(c.problems) == n && strings.TrimSpace(e.Title) == "" && given {
		c.fail("message: empty: %s", c.needs("one; it is the event's title"))
	} else if len(c.problems) == n && strings.TrimSpace(e.Title) == "" {
		c.fail("message: missing: %s", c.needs("one; it is the event's title"))
	}
	n = len(c.problems)
	desc := c.str(keyDesc)
	if len(c.problems) == n && desc == "" {
		if c.rec.micros {
			c.fail("timestamp_desc: missing: %s", c.needs("one, saying what its time is"))
		} else {
			c.fail(`timestamp_desc: missing: every Timesketch record says what its time is, such as "Event date"`)
		}
	}
	dt, dtBad := c.datetime()
	ts := c.timestamp()
	keepTimestamp := c.date(&e, chrono, dt, dtBad, ts)

	if v, ok := rec.get(keyTag); ok {
		tags, msg := parseTags(v, &c.losses)
		if msg != "" {
			c.problems = append(c.problems, msg)
		}
		if labels, ok := dynamicLabels(rec, v, tags, chrono); ok {
			tags = labels
			c.losses.Add(TagLabels, 1)
		}
		e.Tags = tags
	}

	var sources []model.Source
	var made madeID
	var at string
	var written string
	if chrono {
		e.ID = id
		e.DateText = c.str(keyDateText)
		e.DateSource = c.str(keyDateSource)
		e.Status = model.Status(c.str(keyStatus))
		e.Summary = c.str(keySummary)
		c.eventList(keyActors, &e.Actors)
		c.eventList(keyQuotes, &e.Quotes)
		c.eventList(keyLinks, &e.Links)
		c.eventList(keyNotes, &e.Notes)
		c.eventList(keyMedia, &e.Media)
		sources = c.sources(memo)
	} else {
		when := dt
		if when == "" {
			when = ts.text
		}
		d := e.Date
		if !c.epoch.IsZero() {
			d = c.epoch
		}
		at = idTime(d, when)
		made = makeID(at, desc, e.Title)
		if at != when {
			written = when
		}
	}

	// Everything else goes into the summary, so that nothing is lost.
	var rest strings.Builder
	room := 0
	for i, k := range rec.keys {
		if k != keyMessage && k != keyDatetime && k != keyTag && k != keyTimestamp {
			room += len(k) + len(": \n") + len(rec.vals[i].text)
		}
	}
	rest.Grow(room) // once, rather than again and again as it fills
	for i, k := range rec.keys {
		v := rec.vals[i]
		switch {
		case rec.csv && v.text == "":
			continue // an empty cell says nothing: CSV cannot tell it from a missing one
		case k == keyMessage, k == keyDatetime, k == keyTag:
			continue
		case k == keyTimestamp && !keepTimestamp:
			continue
		case k == keyDesc && !e.Date.IsZero() && (desc == describe(e.Date) || chrono && described(desc)):
			// What chrono writes for this date says nothing more; what
			// it wrote in its own record for another, the date since
			// changed in the file (made approximate, say), would say
			// the wrong thing.
			continue
		case k == keyDesc && chrono && desc == descOf(e):
			continue // written from the summary's line, which says it
		case chrono && chronoKey(k):
			continue
		case chrono && timesketchOwn(k, v.text):
			// Where Timesketch keeps the record, which its CSV export
			// adds: nothing of the event chrono wrote.
			c.losses.Add(TimesketchOwn, 1)
			continue
		}
		AppendAttribute(&rest, k, v.text)
	}
	if rest.Len() > 0 {
		if e.Summary != "" {
			e.Summary += "\n\n"
		}
		e.Summary += rest.String()
	}
	*out = result{line: rec.line, event: e, problems: c.problems, chrono: chrono, sources: sources, id: made, written: written, desc: desc, at: at, losses: c.losses}
}

// date sets e.Date from the record: from date_edtf in a record chrono
// wrote, else from datetime, else from timestamp. It reports whether the
// timestamp says something the date does not, and so belongs in the
// summary.
func (c *converter) date(e *model.Event, chrono bool, dt string, dtBad bool, ts stamp) (keepTimestamp bool) {
	var fromDT model.Date
	dtOK := false
	if noTime(dt) {
		// Plaso's dynamic CSV writes this for an event it has no time
		// for: read as an empty cell, so the timestamp decides if there
		// is one, and the event is undated if not.
		c.losses.Add(DatetimeNoTime, 1)
		if dt = ""; !ts.present {
			return false
		}
	}
	if dt != "" {
		d, msg, epoch := epochDatetime(strings.TrimSpace(dt))
		if !epoch {
			var noSeconds bool
			if d, msg, noSeconds = parseDatetime(dt); noSeconds && msg == "" {
				c.losses.Add(DatetimeNoSeconds, 1)
			}
		}
		if msg != "" {
			c.fail("datetime %q: %s", dt, msg)
		} else {
			fromDT, dtOK = d, true
		}
		if epoch && dtOK && !chrono {
			c.losses.Add(DatetimeMicros, 1)
		}
	}
	edtf := ""
	if chrono {
		edtf = c.str(keyEDTF)
	}
	switch {
	case edtf != "":
		d, err := model.ParseDate(edtf)
		if err != nil {
			var de *model.DateError
			if errors.As(err, &de) {
				c.fail("date_edtf %q: %s", edtf, de.Msg)
			} else {
				c.fail("date_edtf %q: %v", edtf, err)
			}
			return false
		}
		e.Date = d
		// datetime and timestamp were written from date_edtf: if they
		// disagree, someone changed one, and chrono cannot tell which.
		start := d.Earliest()
		if start == model.BeginningOfTime {
			return false
		}
		// Where it starts, for the messages: written only when one is.
		at := func() string {
			at, _, _, ok := earliest(d)
			if !ok {
				at = start.Time().Format("2006-01-02T15:04:05.999999999Z07:00")
			}
			return at
		}
		if dtOK && fromDT.Earliest() != start {
			c.fail("datetime %q disagrees with date_edtf %q, which starts at %s: correct one of them, or empty the datetime", dt, edtf, at())
		}
		if ts.ok && !sameMicros(start, ts.n) { // chrono writes microseconds
			c.fail("timestamp %d disagrees with date_edtf %q, which starts at %s: correct one of them, or empty the timestamp", ts.n, edtf, at())
		}
		return false
	case dtOK && c.noTimestamp(fromDT, ts):
		return false
	case dtOK:
		e.Date = fromDT
		// A timestamp in another unit that agrees says nothing more.
		start := fromDT.Earliest()
		if ts.ok && !sameMicros(start, ts.n) && !sameInstant(start, ts.n, c.unit(ts.n)) {
			// One of the two is wrong, and only the analyst can say
			// which: counted, so that it is looked at; unless the
			// timestamp is only finer, within the datetime's second.
			if at := dateFromEpoch(ts.n, c.unit(ts.n)); at.IsZero() || at.Earliest().Before(start) || fromDT.Latest().Before(at.Earliest()) {
				c.losses.Add(TimestampDisagrees, 1)
			}
			return true
		}
		return false
	case dt != "" || dtBad || ts.present && !ts.ok:
		return false // reported
	case ts.ok:
		u := c.unit(ts.n)
		if c.noTimestamp(dateFromEpoch(ts.n, u), ts) {
			return false
		}
		e.Date = dateFromEpoch(ts.n, u)
		if e.Date.IsZero() {
			c.fail("timestamp %d: not a date chrono can hold", ts.n)
		}
		if u != micros {
			c.losses.Add(u.inferred(), 1)
		}
		return false
	}
	if c.rec.micros {
		c.fail("timestamp: missing: %s", c.needs("its time as a timestamp, in microseconds since 1970-01-01T00:00:00Z (1502723045000000)"))
		return false
	}
	c.fail("datetime: missing: chrono needs each event's time, in ISO 8601 (2017-08-14T15:04:05+00:00) or as a timestamp in microseconds (Timesketch itself would drop this record without a word)")
	return false
}

// needs says that every record of the file has what, as its format
// does: a Timesketch record, or an event of psort's json_line (the
// records whose timestamps are always microseconds), where a missing
// key says the line is not psort's.
func (c *converter) needs(what string) string {
	if c.rec.micros {
		return "psort's json_line gives every event " + what + "; is the line psort's?"
	}
	return "every Timesketch record needs " + what
}

// noTimestamp reports whether a record dated d is at timestamp 0 with
// nothing else to date it (no datetime, or one naming that instant, as
// Timesketch exports it): what Plaso writes for an event without a
// time, which its own outputs show undated. Such a record is read as
// undated, and counted. Plaso's json_line (rec.micros) is left to
// package plaso, which tells its kinds of no time apart.
func (c *converter) noTimestamp(d model.Date, ts stamp) bool {
	if !ts.ok || ts.n != 0 || c.rec.micros || d.IsInterval() || !d.HasOffset() || !sameMicros(d.Earliest(), 0) {
		return false
	}
	c.epoch = d
	c.losses.Add(TimestampZero, 1)
	return true
}
