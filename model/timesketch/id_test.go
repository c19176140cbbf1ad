package timesketch

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// readIDs reads a JSONL document into sink and returns the ids made.
func readIDs(t *testing.T, doc string, sink interface {
	model.Sink
	ids() []string
}) []string {
	t.Helper()
	if err := Read(strings.NewReader(doc), sink, &model.Losses{}); err != nil {
		t.Fatalf("read: %v\n%s", err, doc)
	}
	return sink.ids()
}

// collected keeps the events read.
type collected struct{ model.Collect }

func (c *collected) ids() []string {
	var out []string
	for _, e := range c.Timeline.Events {
		out = append(out, e.ID)
	}
	return out
}

// storing is collected that says which ids a store holds.
type storing struct {
	collected
	stored map[string]bool
}

func (s *storing) EventStored(id string) bool { return s.stored[id] }

// TestIDFollowsTheInstant: a record without a chrono_id gets the same id
// however its time is written (an offset of Z or +00:00 or another, more
// zeros, a timestamp in any unit), so that the records another tool
// writes back update the events rather than add them again; a time
// without an offset, or a day, is taken as written.
func TestIDFollowsTheInstant(t *testing.T) {
	line := func(when string) string {
		return `{` + when + `, "timestamp_desc": "x", "message": "same"}` + "\n"
	}
	same := []string{
		`"datetime": "2021-06-01T12:00:00Z"`,
		`"datetime": "2021-06-01T12:00:00+00:00"`,
		`"datetime": "2021-06-01T12:00:00.000000+00:00"`,
		`"datetime": "2021-06-01T14:00:00+02:00"`,
		`"timestamp": 1622548800000000`,
		`"timestamp": 1622548800`,
	}
	var first string
	for _, when := range same {
		ids := readIDs(t, line(when), &collected{})
		if first == "" {
			first = ids[0]
		}
		if ids[0] != first {
			t.Errorf("%s: id %s, want %s as for %s", when, ids[0], first, same[0])
		}
	}
	for _, when := range []string{`"datetime": "2021-06-01T12:00:00"`, `"datetime": "2021-06-01"`, `"datetime": "2021-06-01T12:00:01Z"`} {
		if ids := readIDs(t, line(when), &collected{}); ids[0] == first {
			t.Errorf("%s: the id of another instant, or of none, %s", when, ids[0])
		}
	}
}

// TestIDsAsAnEarlierChronoMadeThem: a file whose records an earlier chrono
// imported, with ids made from their dates as written, keeps to those
// ids when the store holds the first of them, so that importing it again
// updates the events; otherwise its ids follow the instant.
func TestIDsAsAnEarlierChronoMadeThem(t *testing.T) {
	doc := `{"datetime": "2021-06-01T12:00:00Z", "timestamp_desc": "x", "message": "a"}
{"datetime": "2021-06-01T12:00:00Z", "timestamp_desc": "x", "message": "a"}
{"datetime": "2021-06-02T12:00:00+00:00", "timestamp_desc": "x", "message": "b"}
{"timestamp": 1622548800000000, "timestamp_desc": "x", "message": "c"}
`
	written := []string{
		makeID("2021-06-01T12:00:00Z", "x", "a").id,
		makeID("2021-06-01T12:00:00Z", "x", "a").id + "-2",
		makeID("2021-06-02T12:00:00+00:00", "x", "b").id,
		makeID("1622548800000000", "x", "c").id,
	}
	got := readIDs(t, doc, &storing{stored: map[string]bool{written[0]: true}})
	if strings.Join(got, " ") != strings.Join(written, " ") {
		t.Errorf("a store holding the old ids: %v, want %v", got, written)
	}
	fresh := readIDs(t, doc, &storing{stored: map[string]bool{}})
	if fresh[0] == written[0] || fresh[3] == written[3] || fresh[2] != written[2] {
		t.Errorf("a store without them: %v; want the instant's ids (the same where written so)", fresh)
	}
}

func TestIDTime(t *testing.T) {
	for _, c := range []struct{ date, want string }{
		{"2021-06-01T12:00:00Z", "2021-06-01T12:00:00+00:00"},
		{"2021-06-01T14:00:00+02:00", "2021-06-01T12:00:00+00:00"},
		{"2021-06-01T12:00:00.5Z", "2021-06-01T12:00:00.500000+00:00"},
		{"2021-06-01T12:00:00.000000007Z", "2021-06-01T12:00:00.000000007+00:00"},
		{"0999-01-02T03:04:05Z", "0999-01-02T03:04:05+00:00"},
		{"2021-06-01", "as written"},
		{"2021-06-01T12:00:00", "as written"},
	} {
		if got := idTime(model.MustParseDate(c.date), "as written"); got != c.want {
			t.Errorf("%s: %s, want %s", c.date, got, c.want)
		}
	}
}

// TestMadeIDsTold: the reader tells its sink which records' ids it made
// (those without a chrono_id), and where each begins, before sending it;
// a record it cannot send is told of neither.
func TestMadeIDsTold(t *testing.T) {
	for _, tt := range []struct {
		doc  string
		want []string // title, line, made
	}{
		{`{"message":"made","datetime":"2017","timestamp_desc":"d"}` + "\n" +
			`{"message":"bad","timestamp_desc":"d"}` + "\n\n" +
			`{"message":"given","datetime":"2017","timestamp_desc":"d","chrono_id":"x"}` + "\n" +
			`{"message":"made too","datetime":"2017","timestamp_desc":"d"}` + "\n",
			[]string{"made 1 true", "given 4 false", "made too 5 true"}},
		{"message,datetime,timestamp_desc,chrono_id\nmade,2017,d,\nbad,,d,\n\ngiven,2017,d,x\n\"made\ntoo\",2017,d,\n",
			[]string{"made 2 true", "given 5 false", "made too 6 true"}},
	} {
		doc := tt.doc
		var told modeltest.Told
		if err := Read(strings.NewReader(doc), &told, nil); err != nil || len(told.Problems) != 1 {
			t.Fatalf("%s: %v, problems %v; want the bad record's alone", doc, err, told.Problems)
		}
		var got []string
		for i, e := range told.Timeline.Events {
			got = append(got, fmt.Sprintf("%s %d %v", strings.ReplaceAll(e.Title, "\n", " "), told.At[i].Line, told.Made[i]))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %q, want %q", doc, got, tt.want)
		}
	}
}

// counting is storing that counts the lookups.
type counting struct {
	storing
	looks int
}

func (s *counting) EventStored(id string) bool { s.looks++; return s.stored[id] }

// TestNewRecordKeepsEarlierIDs: a record the store holds under neither
// id before the records an earlier chrono imported (one prepended to the
// file, or its message changed) takes its instant's id, and the records
// after it keep their old ids, rather than being added again; importing
// the file once more, with that record stored, gives the same ids, and
// so numbers a later repeat of it as before.
func TestNewRecordKeepsEarlierIDs(t *testing.T) {
	line := func(when, msg string) string {
		return `{"datetime": "` + when + `", "timestamp_desc": "x", "message": "` + msg + `"}` + "\n"
	}
	const z, a, b = "2017-08-14T15:04:04.000000+00:00", "2017-08-14T15:04:05.000000+00:00", "2017-08-14T15:04:06Z"
	doc := line(z, "new") + line(a, "a") + line(b, "b") + line(z, "new")
	want := []string{
		makeID("2017-08-14T15:04:04+00:00", "x", "new").id,
		makeID(a, "x", "a").id,
		makeID(b, "x", "b").id,
		makeID(z, "x", "new").id + "-2", // after the first, though made otherwise
	}
	for _, stored := range [][]string{want[1:3], want} {
		s := &storing{stored: map[string]bool{}}
		for _, id := range stored {
			s.stored[id] = true
		}
		if got := readIDs(t, doc, s); !slices.Equal(got, want) {
			t.Errorf("stored %v: %v, want %v", stored, got, want)
		}
	}
}

// TestIDLookBounded: a file whose old ids the store does not hold is
// looked up for idLook records at most, then keeps to instant ids.
func TestIDLookBounded(t *testing.T) {
	var doc strings.Builder
	for i := range idLook + 100 {
		fmt.Fprintf(&doc, `{"timestamp": %d, "timestamp_desc": "x", "message": "m"}`+"\n", 1622548800000000+i)
	}
	s := &counting{storing: storing{stored: map[string]bool{}}}
	ids := readIDs(t, doc.String(), s)
	if s.looks != idLook {
		t.Errorf("%d lookups, want %d", s.looks, idLook)
	}
	last := fmt.Sprintf("2021-06-01T12:00:00.%06d+00:00", idLook+99)
	if want := makeID(last, "x", "m").id; ids[len(ids)-1] != want {
		t.Errorf("last id %s, want the instant's %s", ids[len(ids)-1], want)
	}
}
