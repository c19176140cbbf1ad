package timelinejs

import (
	"bytes"
	"errors"

	"chrono/model"

	"github.com/go-json-experiment/json/jsontext"
)

// maxDetectSlides is how many slides Detect looks into for a start_date.
const maxDetectSlides = 8

// errFound stops a scan that has seen enough.
var errFound = errors.New("found")

// Detect reports whether head, the first bytes of a file (possibly cut off
// mid-value), looks like a TimelineJS document, or TimelineJS2's
// {"timeline": {...}} (see timeline2): a JSON object with
// "events", no "chrono" member (which marks chrono's own format), and a
// sign of TimelineJS: a slide with a start_date or another member
// chrono's events lack (scanSlides), a title that is a slide rather than
// a string, or eras. When
// head is cut off before "events", the sign is enough. A leading byte
// order mark is skipped, as Read skips it.
func Detect(head []byte) bool {
	dec := jsontext.NewDecoder(bytes.NewReader(model.TrimByteOrderMark(head)))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return false
	}
	events, sign, cut := false, false, false
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			cut = true
			break
		}
		switch tok.String() {
		case "chrono":
			return false
		case "events":
			if dec.PeekKind() != '[' {
				return false
			}
			events = true
			err = scanSlides(dec)
			if err == errFound {
				return true
			}
		case "timeline":
			if dec.PeekKind() != '{' {
				return false
			}
			return isTimeline2(dec)
		case "title":
			sign = sign || dec.PeekKind() == '{'
			err = dec.SkipValue()
		case "eras":
			sign = sign || dec.PeekKind() == '['
			err = dec.SkipValue()
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			cut = true
			break
		}
	}
	// Cut off before "events", a title slide is sign enough.
	return sign && (events || cut)
}

// scanSlides reads the events array and returns errFound when one of its
// first slides has a start_date, or another member of a slide that no
// chrono event has.
func scanSlides(dec *jsontext.Decoder) error {
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for i := 0; dec.PeekKind() != ']'; i++ {
		if i >= maxDetectSlides || dec.PeekKind() != '{' {
			if err := dec.SkipValue(); err != nil {
				return err
			}
			continue
		}
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
		for dec.PeekKind() != '}' {
			tok, err := dec.ReadToken()
			if err != nil {
				return err
			}
			switch tok.String() {
			case "start_date", "unique_id", "display_date", "media", "group", "background":
				// Members of a slide that no chrono event has: a slide
				// without its start_date is TimelineJS's still, for its
				// reader to say what it lacks, where.
				return errFound
			case "text":
				if dec.PeekKind() == '{' {
					return errFound
				}
			}
			if err := dec.SkipValue(); err != nil {
				return err
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken()
	return err
}

// isTimeline2 reports whether the object dec is at is TimelineJS2's
// "timeline": it lists its slides in "date", or has a member only
// TimelineJS2 has; cut off before either, a title (headline, text or
// type) is sign enough.
func isTimeline2(dec *jsontext.Decoder) bool {
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	title := false
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return title
		}
		switch tok.String() {
		case "date":
			return dec.PeekKind() == '['
		case "startDate", "era", "asset":
			return true
		case "headline", "text", "type":
			title = true
		}
		if err := dec.SkipValue(); err != nil {
			return title
		}
	}
	return false
}

// Variant names the version of TimelineJS head is in, for saying what
// was detected: "TimelineJS2 JSON" for the older {"timeline": {...}}.
func Variant(head []byte) string {
	dec := jsontext.NewDecoder(bytes.NewReader(model.TrimByteOrderMark(head)))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return "TimelineJS JSON"
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			break
		}
		if tok.String() == "timeline" {
			return "TimelineJS2 JSON"
		}
		if err := dec.SkipValue(); err != nil {
			break
		}
	}
	return "TimelineJS JSON"
}
