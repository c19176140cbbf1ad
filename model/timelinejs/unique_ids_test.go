package timelinejs

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chrono/model"
)

// madeSlides collects events and the slides the reader says have made
// ids, checking that it says so just before the slide's event is sent.
type madeSlides struct {
	model.Collect
	made []int
	next int // the slide MadeID named, not yet sent
}

func (m *madeSlides) MadeID(n int) { m.made, m.next = append(m.made, n), n }

func (m *madeSlides) Event(e model.Event, n int) error {
	if m.next != 0 && m.next != n {
		return fmt.Errorf("MadeID(%d) was followed by the event of slide #%d, not its own", m.next, n)
	}
	m.next = 0
	return m.Collect.Event(e, n)
}

// slideDoc makes a TimelineJS document of slides, each a headline and a
// unique_id ("" for none), dated one year apart.
func slideDoc(slides ...[2]string) string {
	var b strings.Builder
	b.WriteString(`{"events": [`)
	for i, s := range slides {
		if i > 0 {
			b.WriteString(",\n ")
		}
		b.WriteString(`{"start_date": {"year": ` + strconv.Itoa(2001+i) + `}`)
		if s[0] != "" {
			b.WriteString(`, "text": {"headline": ` + strconv.Quote(s[0]) + `}`)
		}
		if s[1] != "" {
			b.WriteString(`, "unique_id": ` + strconv.Quote(s[1]))
		}
		b.WriteString("}")
	}
	b.WriteString("]}")
	return b.String()
}

// TestUniqueIDsKeptOverMadeIDs: a slide's valid unique_id is its id
// wherever the slide is in the file. An id made for a slide without one,
// from its headline or its place, that another slide gives as its
// unique_id, even a later one, steps aside to the next free number; made
// ids that clash with no unique_id are as they always were.
func TestUniqueIDsKeptOverMadeIDs(t *testing.T) {
	type slides = [][2]string
	tests := []struct {
		name    string
		slides  slides
		ids     []string
		made    []int // the slides MadeID names
		changed int   // LossIDChanged
	}{
		{
			name:   "unique_id after a made id of its slug",
			slides: slides{{"Bags of cash", ""}, {"Another", "bags-of-cash"}},
			ids:    []string{"bags-of-cash-2", "bags-of-cash"},
			made:   []int{1},
		},
		{
			name:   "unique_id before a made id of its slug",
			slides: slides{{"Another", "bags-of-cash"}, {"Bags of cash", ""}},
			ids:    []string{"bags-of-cash", "bags-of-cash-2"},
			made:   []int{2},
		},
		{
			name:   "unique_id of a numbered made id",
			slides: slides{{"Meeting", ""}, {"Meeting", ""}, {"Another", "meeting-2"}, {"Meeting", ""}},
			ids:    []string{"meeting", "meeting-3", "meeting-2", "meeting-4"},
			made:   []int{1, 2, 4},
		},
		{
			name:   "slides without headlines and slide-2",
			slides: slides{{"Путин", ""}, {"", ""}, {"Explicit", "slide-2"}},
			ids:    []string{"slide-1", "slide-2-2", "slide-2"},
			made:   []int{1, 2},
		},
		{
			name:    "a unique_id made valid, after the id given",
			slides:  slides{{"A", "my event"}, {"B", "my-event"}},
			ids:     []string{"my-event-2", "my-event"},
			made:    []int{1},
			changed: 1,
		},
		{
			name:    "the same unique_id twice",
			slides:  slides{{"One", "same"}, {"Two", "same"}},
			ids:     []string{"same", "same-2"},
			made:    []int{2},
			changed: 1,
		},
		{
			name:    "the same unique_id twice, after a made id of it",
			slides:  slides{{"Same", ""}, {"One", "same"}, {"Two", "same"}, {"Three", "same-2"}},
			ids:     []string{"same-3", "same", "same-4", "same-2"},
			made:    []int{1, 3},
			changed: 1,
		},
		{
			name:   "no clash",
			slides: slides{{"Café meeting", ""}, {"Cafe Meeting", ""}, {"Kept", "kept"}, {"", ""}, {"Café meeting", ""}},
			ids:    []string{"cafe-meeting", "cafe-meeting-2", "kept", "slide-4", "cafe-meeting-3"},
			made:   []int{1, 2, 4, 5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := slideDoc(tt.slides...)
			var sink madeSlides
			var losses model.Losses
			chk := model.NewChecker(&sink, nil)
			err := Read(strings.NewReader(doc), &madeIDsChecker{chk, &sink}, &losses)
			if err == nil {
				err = chk.Done()
			}
			if err != nil {
				t.Fatalf("read: %v\n%s", err, doc)
			}
			var ids []string
			for _, e := range sink.Timeline.Events {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("ids %q, want %q", ids, tt.ids)
			}
			if !slices.Equal(sink.made, tt.made) {
				t.Errorf("made ids said of slides %v, want %v", sink.made, tt.made)
			}
			if got := losses.Count(LossIDChanged); got != tt.changed {
				t.Errorf("%d unique_ids counted as changed, want %d", got, tt.changed)
			}
		})
	}
}

// madeIDsChecker is a Checker, as an import reads through, that passes
// MadeID on to the sink behind it.
type madeIDsChecker struct {
	*model.Checker
	to MadeIDs
}

func (c *madeIDsChecker) MadeID(n int) { c.to.MadeID(n) }

// TestUniqueIDTooFarAfterItsMadeID: the slides held back for their ids
// are bounded; a unique_id that an earlier slide, sent already, was given
// as a made id is refused at its place, naming that slide, rather than
// changed.
func TestUniqueIDTooFarAfterItsMadeID(t *testing.T) {
	defer func(b int64) { heldBudget = b }(heldBudget)
	heldBudget = 1
	doc := slideDoc([2]string{"Bags of cash", ""}, [2]string{"Other", "other"}, [2]string{"Another", "bags-of-cash"})
	tl, _, err := readDoc(t, doc)
	want := `3:79: event "bags-of-cash" (#3): unique_id "bags-of-cash": already the id made for event #1 at 1:13, which has no unique_id, read too far before this slide to wait for it: give that slide a unique_id of its own`
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n %v\nwant\n %s", err, want)
	}
	if !errors.Is(err, model.ErrDuplicateID) {
		t.Errorf("error %v is not ErrDuplicateID", err)
	}
	if len(tl.Events) != 2 || tl.Events[0].ID != "bags-of-cash" {
		t.Errorf("events %+v, want the two slides before", tl.Events)
	}
}

// TestHeldSlidesKeepTheirPlaces: a slide held back for its id, its
// problem reported after more than the positionReader keeps has been
// read, is still placed at its line and column, with its made id; and
// the slides held after it are sent whole, in order.
func TestHeldSlidesKeepTheirPlaces(t *testing.T) {
	text := func(i int) string { return strconv.Itoa(i) + " " + strings.Repeat("x", 200) }
	doc := func(month int) (string, int) {
		var b strings.Builder
		b.WriteString("{\"events\": [\n{\"start_date\": {\"year\": 2017, \"month\": " + strconv.Itoa(month) + "}, \"text\": {\"headline\": \"Held\"}}")
		n := 0
		for ; b.Len() < 2*keepBytes; n++ {
			b.WriteString(",\n{\"start_date\": {\"year\": 2018}, \"unique_id\": \"s" + strconv.Itoa(n) + "\", \"text\": {\"text\": \"" + text(n) + "\"}}")
		}
		b.WriteString("\n]}\n")
		return b.String(), n
	}
	bad, _ := doc(13)
	_, _, err := readDoc(t, bad)
	want := `2:40: event "held" (#1): start_date: month 13 out of range`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %s", err, want)
	}
	good, n := doc(12)
	tl, _ := mustRead(t, good)
	if len(tl.Events) != n+1 || tl.Events[0].ID != "held" {
		t.Fatalf("%d events, first %s; want %d, first held", len(tl.Events), tl.Events[0].ID, n+1)
	}
	for i, e := range tl.Events[1:] {
		if e.ID != "s"+strconv.Itoa(i) || e.Summary != text(i) {
			t.Fatalf("event %d is %s, %.20q", i+2, e.ID, e.Summary)
		}
	}
}

// TestHeldSlidesSentBeforeASyntaxError: the slides held back are sent
// when the array cannot be read to its end, as they were before it.
func TestHeldSlidesSentBeforeASyntaxError(t *testing.T) {
	var c model.Collect
	err := Read(strings.NewReader(`{"events": [{"start_date": {"year": 2017}, "text": {"headline": "Held"}}, x]}`), model.NewChecker(&c, nil), nil)
	if err == nil || !strings.Contains(err.Error(), "invalid JSON") {
		t.Errorf("error %v, want the syntax error", err)
	}
	if len(c.Timeline.Events) != 1 || c.Timeline.Events[0].ID != "held" {
		t.Errorf("events %+v, want the slide before the error", c.Timeline.Events)
	}
}

// reportingMadeSlides is madeSlides that collects problems and goes on,
// as an import's sink does.
type reportingMadeSlides struct {
	madeSlides
	problems []model.Problem
}

func (r *reportingMadeSlides) Report(p model.Problem) { r.problems = append(r.problems, p) }

// TestMadeIDSaidOfSlidesSent: MadeID names the slide whose event comes
// next; a slide with a problem, which is reported instead of sent, is
// not named, so that the next slide's event is not taken for its.
func TestMadeIDSaidOfSlidesSent(t *testing.T) {
	var sink reportingMadeSlides
	doc := slideDoc([2]string{"Bad", ""}, [2]string{"Good", "good"}, [2]string{"Made", ""})
	doc = strings.Replace(doc, `{"year": 2001}`, `{"year": 2001, "month": 13}`, 1)
	if err := Read(strings.NewReader(doc), &sink, nil); err != nil {
		t.Fatal(err)
	}
	if len(sink.problems) != 1 || !strings.Contains(sink.problems[0].Error(), "month 13") {
		t.Errorf("problems %v, want the month", sink.problems)
	}
	if !slices.Equal(sink.made, []int{3}) {
		t.Errorf("made ids said of slides %v, want [3]", sink.made)
	}
	if len(sink.Timeline.Events) != 2 {
		t.Errorf("events %+v, want the two good slides", sink.Timeline.Events)
	}
}
