package timelinejs

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
)

// validate checks a TimelineJS document against the rules of the format
// and the stricter ones chrono's export keeps, and returns what breaks
// them: the events array is there and not empty; each slide has a
// start_date with a whole year; month, day and time fields are in range
// and each comes with the coarser ones; an end_date does not come before
// its start, or is words alone (a display_date, shown as the end: an open
// end's, "present"); text and media hold strings; media has a url; unique_ids are
// there and unique; and HTML fields hold no markup but the tags chrono
// writes, so that every text was escaped.
func validate(doc []byte) []string {
	var top map[string]any
	if err := json.Unmarshal(doc, &top); err != nil {
		return []string{"not a JSON object: " + err.Error()}
	}
	var bad []string
	add := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	for k := range top {
		if k != "title" && k != "events" && k != "eras" && k != "scale" {
			add("unknown top-level member %q", k)
		}
	}
	if title, ok := top["title"]; ok {
		s, ok := title.(map[string]any)
		if !ok {
			add("title: not an object")
		} else {
			checkSlide("title", s, true, add)
		}
	}
	events, ok := top["events"].([]any)
	switch {
	case !ok:
		add("events: missing or not an array")
	case len(events) == 0:
		add("events: empty")
	}
	ids := map[string]bool{}
	for i, ev := range events {
		where := fmt.Sprintf("slide #%d", i+1)
		s, ok := ev.(map[string]any)
		if !ok {
			add("%s: not an object", where)
			continue
		}
		checkSlide(where, s, false, add)
		id, _ := s["unique_id"].(string)
		switch {
		case id == "":
			add("%s: unique_id missing", where)
		case ids[id]:
			add("%s: unique_id %q used twice", where, id)
		}
		ids[id] = true
	}
	return bad
}

var slideMembers = map[string]bool{
	"start_date": true, "end_date": true, "text": true, "media": true, "group": true,
	"display_date": true, "background": true, "autolink": true, "unique_id": true,
}

func checkSlide(where string, s map[string]any, title bool, add func(string, ...any)) {
	for k := range s {
		if !slideMembers[k] {
			add("%s: unknown member %q", where, k)
		}
	}
	start, hasStart := s["start_date"]
	if !title && !hasStart {
		add("%s: start_date missing", where)
	}
	var first []int64
	if hasStart {
		first = checkDate(where+": start_date", start, add)
	}
	if end, ok := s["end_date"]; ok && !wordsAlone(end) {
		last := checkDate(where+": end_date", end, add)
		if first != nil && last != nil && compareFields(last, first) < 0 {
			add("%s: end_date before start_date", where)
		}
	}
	for _, k := range []string{"display_date", "group", "unique_id"} {
		if v, ok := s[k]; ok {
			if str, ok := v.(string); !ok {
				add("%s: %s not a string", where, k)
			} else if k != "unique_id" {
				checkHTML(where+": "+k, str, add)
			}
		}
	}
	if text, ok := s["text"]; ok {
		t, ok := text.(map[string]any)
		if !ok {
			add("%s: text not an object", where)
		}
		for k, v := range t {
			str, ok := v.(string)
			if (k != "headline" && k != "text") || !ok {
				add("%s: text: bad member %q", where, k)
				continue
			}
			checkHTML(where+": text: "+k, str, add)
		}
	}
	if media, ok := s["media"]; ok {
		m, ok := media.(map[string]any)
		if !ok {
			add("%s: media not an object", where)
			return
		}
		if u, _ := m["url"].(string); u == "" {
			add("%s: media without a url", where)
		}
		for k, v := range m {
			str, ok := v.(string)
			if !ok {
				add("%s: media: %s not a string", where, k)
				continue
			}
			if k == "caption" || k == "credit" || k == "title" {
				checkHTML(where+": media: "+k, str, add)
			}
		}
	}
}

// wordsAlone reports whether a date object is a display_date alone, with
// words in it, and no other member.
func wordsAlone(v any) bool {
	d, ok := v.(map[string]any)
	words, _ := d["display_date"].(string)
	return ok && len(d) == 1 && strings.TrimSpace(words) != ""
}

var dateFields = []string{"year", "month", "day", "hour", "minute", "second", "millisecond"}

// checkDate checks a date object and returns its fields, -1 for absent
// ones below the year, or nil when it is broken.
func checkDate(where string, v any, add func(string, ...any)) []int64 {
	d, ok := v.(map[string]any)
	if !ok {
		add("%s: not an object", where)
		return nil
	}
	for k := range d {
		if !slicesContains(dateFields, k) && k != "display_date" {
			add("%s: unknown member %q", where, k)
		}
	}
	limits := [][2]int64{{-1 << 53, 1 << 53}, {1, 12}, {1, 31}, {0, 23}, {0, 59}, {0, 59}, {0, 999}}
	out := make([]int64, len(dateFields))
	present := make([]bool, len(dateFields))
	for i, f := range dateFields {
		out[i] = -1
		raw, ok := d[f]
		present[i] = ok
		if !ok {
			if i == 0 {
				add("%s: year missing", where)
				return nil
			}
			continue
		}
		var n int64
		switch x := raw.(type) {
		case float64:
			if x != float64(int64(x)) {
				add("%s: %s %v not whole", where, f, x)
				return nil
			}
			n = int64(x)
		case string:
			p, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
			if err != nil {
				add("%s: %s %q not a number", where, f, x)
				return nil
			}
			n = p
		default:
			add("%s: %s not a number", where, f)
			return nil
		}
		if n < limits[i][0] || n > limits[i][1] {
			add("%s: %s %d out of range", where, f, n)
		}
		if i > 0 && !present[i-1] {
			add("%s: %s without %s", where, f, dateFields[i-1])
		}
		out[i] = n
	}
	if out[2] > 0 && out[2] > int64(daysIn(astronomicalYear(out[0]), int(out[1]))) {
		add("%s: day %d beyond the month", where, out[2])
	}
	if out[0] == 0 {
		add("%s: year 0, which TimelineJS shows as 0", where)
	}
	return out
}

// compareFields orders two dates by their fields; an absent field is the
// start of its span.
func compareFields(a, b []int64) int {
	for i := range a {
		x, y := max(a[i], 0), max(b[i], 0)
		if i == 1 || i == 2 {
			x, y = max(a[i], 1), max(b[i], 1)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// allowedTag matches the markup chrono writes; any other '<' means text
// went out unescaped.
var allowedTag = regexp.MustCompile(`^<(/?(p|br|blockquote|cite|time)|p class="chrono-(status|actors|tags)"|span class="chrono-(context|author)"|cite data-source="[^"<>]*"|time datetime="[^"<>]*"|/span)>`)

var entity = regexp.MustCompile(`^&(amp|lt|gt|quot|#\d+);`)

func checkHTML(where, s string, add func(string, ...any)) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			m := allowedTag.FindString(s[i:])
			if m == "" {
				add("%s: unexpected markup at %q", where, s[i:min(len(s), i+20)])
				return
			}
			i += len(m) - 1
		case '>':
			add("%s: unescaped '>'", where)
			return
		case '&':
			if !entity.MatchString(s[i:]) {
				add("%s: unescaped '&'", where)
				return
			}
		}
	}
}

func slicesContains(list []string, s string) bool { return indexOf(list, s) >= 0 }

// TestValidate makes sure the validator catches what it should, so that a
// clean export means something.
func TestValidate(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"no events", `{"title": {"text": {"headline": "T"}}}`, "events: missing"},
		{"empty events", `{"events": []}`, "events: empty"},
		{"no start_date", `{"events": [{"unique_id": "a", "text": {"headline": "x"}}]}`, "start_date missing"},
		{"no year", `{"events": [{"unique_id": "a", "start_date": {"month": 8}}]}`, "year missing"},
		{"month 13", `{"events": [{"unique_id": "a", "start_date": {"year": 2017, "month": 13}}]}`, "month 13 out of range"},
		{"day without month", `{"events": [{"unique_id": "a", "start_date": {"year": 2017, "day": 3}}]}`, "day without month"},
		{"30 February", `{"events": [{"unique_id": "a", "start_date": {"year": 2017, "month": 2, "day": 30}}]}`, "beyond the month"},
		{"end without a year or words", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}, "end_date": {"display_date": " "}}]}`, "end_date: year missing"},
		{"end of words and a month", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}, "end_date": {"month": 3, "display_date": "present"}}]}`, "end_date: year missing"},
		{"end before start", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}, "end_date": {"year": 2016}}]}`, "end_date before start_date"},
		{"media without url", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}, "media": {"caption": "c"}}]}`, "media without a url"},
		{"duplicate id", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}}, {"unique_id": "a", "start_date": {"year": 2018}}]}`, `unique_id "a" used twice`},
		{"unescaped text", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}, "text": {"headline": "1 < 2 <b>x</b>"}}]}`, "unexpected markup"},
		{"unescaped ampersand", `{"events": [{"unique_id": "a", "start_date": {"year": 2017}, "text": {"headline": "AT&T"}}]}`, "unescaped '&'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := validate([]byte(tt.doc))
			if !strings.Contains(strings.Join(bad, "\n"), tt.want) {
				t.Errorf("validate found %q, want %q", bad, tt.want)
			}
		})
	}
	ok := `{"title": {"text": {"headline": "T"}}, "events": [{"unique_id": "a", "start_date": {"year": -43, "month": 3, "day": 15}, "end_date": {"year": "-43", "month": 3, "day": 16}, "text": {"headline": "AT&amp;T &lt;3", "text": "<p>x<br>y</p>"}, "media": {"url": "https://example.com", "credit": "<cite data-source=\"ex\">Ex</cite>"}}]}`
	if bad := validate([]byte(ok)); len(bad) > 0 {
		t.Errorf("a valid document fails: %q", bad)
	}
	present := `{"events": [{"unique_id": "a", "start_date": {"year": 2017, "month": 8}, "end_date": {"display_date": "present"}, "text": {"headline": "x"}}]}`
	if bad := validate([]byte(present)); len(bad) > 0 {
		t.Errorf("an end_date of words alone fails: %q", bad)
	}
}
