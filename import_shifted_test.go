package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportRefusesShiftedSlides: a slide added before others whose ids
// come from their places ("slide-1") or their numbers among slides of
// the same headline ("press-conference-2") would update the stored
// events of other slides, carrying their notes and status onto the wrong
// event: the import is refused, changing nothing, saying which ids to
// give. Following that, it goes through; a date edited in the file is an
// update as before.
func TestImportRefusesShiftedSlides(t *testing.T) {
	file := slidesFile(t)
	const (
		crimea   = `{"start_date": {"year": 2014, "month": 2}, "text": {"headline": "Аннексия Крыма"}}`
		maidan   = `{"start_date": {"year": 2013, "month": 11}, "text": {"headline": "Евромайдан"}}`
		press19  = `{"start_date": {"year": 2019}, "text": {"headline": "Press conference"}}`
		press20  = `{"start_date": {"year": 2020}, "text": {"headline": "Press conference"}}`
		press18  = `{"start_date": {"year": 2018}, "text": {"headline": "Press conference"}}`
		press21  = `{"start_date": {"year": 2021}, "text": {"headline": "Press conference"}}`
		advice   = "slides without a unique_id of their own (none, or one another slide has too) take their ids from their headlines and their places in the file"
		refusedC = `added.json:2:1: the slide "Евромайдан" would update slide-1, the stored "Аннексия Крыма" (Feb 2014), which is the slide at 3:1: give that one "unique_id": "slide-1", and this one an id of its own`
	)
	db := newDB(t)
	if r := chrono(t, db, "", "import", file("first.json", crimea, press19, press20)); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := chrono(t, db, "", "note", "slide-1", "Verified on satellite images"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	added := file("added.json", maidan, crimea, press18, press19, press20)
	for _, args := range [][]string{{"import", "--dry-run", added}, {"import", added}} {
		r := chrono(t, db, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, refusedC) || !strings.Contains(r.stderr, advice) ||
			!strings.Contains(r.stderr, `the slide "Press conference" would update press-conference, the stored "Press conference" (2019)`) {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if r := chrono(t, db, "", "show", "slide-1"); !strings.Contains(r.stdout, "Аннексия Крыма") || !strings.Contains(r.stdout, "Verified on satellite images") {
		t.Errorf("the store changed: %+v", r)
	}
	// As said: the stored events' ids, and the new slides ids of their own.
	given := file("given.json",
		`{"unique_id": "euromaidan", `+maidan[1:], `{"unique_id": "slide-1", `+crimea[1:],
		`{"unique_id": "press-2018", `+press18[1:], `{"unique_id": "press-conference", `+press19[1:], `{"unique_id": "press-conference-2", `+press20[1:])
	if r := chrono(t, db, "", "import", given); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 5 events (2 new, 0 updated, 3 unchanged)") {
		t.Errorf("with the ids given: %+v", r)
	}
	// A date edited in the file is no shift: the update goes through.
	db = newDB(t)
	chrono(t, db, "", "import", file("press.json", press19, press20))
	if r := chrono(t, db, "", "import", file("edited.json", press19, press21)); r.code != 0 || !strings.Contains(r.stdout, "1 updated") {
		t.Errorf("a date edited in the file: %+v", r)
	}
}

// TestShiftedSlidesAreTheirOwn: slides that give their unique_ids are not
// shifted, whatever their ids look like; slides of one headline and date
// are told apart by their text; and a slide removed before others, whose
// made id then names the stored event of the one removed, is refused
// too, naming the stored event it is.
func TestShiftedSlidesAreTheirOwn(t *testing.T) {
	file := slidesFile(t)
	meeting := func(id string, year int, text string) string {
		s := `{"start_date": {"year": ` + strconv.Itoa(year) + `}, "text": {"headline": "Meeting", "text": "` + text + `"}`
		if id != "" {
			s += `, "unique_id": "` + id + `"`
		}
		return s + "}"
	}
	db := newDB(t)
	chrono(t, db, "", "import", file("given.json", meeting("meeting", 2019, "a"), meeting("meeting-2", 2020, "b")))
	if r := chrono(t, db, "", "import", file("given-edited.json", meeting("meeting", 2020, "a"), meeting("meeting-2", 2021, "b"))); r.code != 0 {
		t.Errorf("slides with their unique_ids, dates edited: %+v", r)
	}

	db = newDB(t)
	chrono(t, db, "", "import", file("alike.json", meeting("", 2019, "first"), meeting("", 2019, "second")))
	r := chrono(t, db, "", "import", file("alike-added.json", meeting("", 2018, "new"), meeting("", 2019, "first"), meeting("", 2019, "second")))
	if want := `which is the slide at 3:1: give that one "unique_id": "meeting", and this one an id of its own`; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("slides of one headline and date, one added before: %+v\nwant %s", r, want)
	}

	db = newDB(t)
	chrono(t, db, "", "import", file("two.json", meeting("", 2019, "first"), meeting("", 2020, "second")))
	r = chrono(t, db, "", "import", file("removed.json", meeting("", 2020, "second")))
	if want := `the slide "Meeting" would update meeting, the stored "Meeting" (2019), while it is the stored meeting-2: give it "unique_id": "meeting-2"`; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("a slide removed before: %+v\nwant %s", r, want)
	}
}

// TestImportRefusesUniqueIDOfAStoredMadeID: a slide whose unique_id is
// the id a stored slide without one was given would update that slide's
// event, carrying its notes onto another: refused, as a shifted slide is,
// naming the ids to give.
func TestImportRefusesUniqueIDOfAStoredMadeID(t *testing.T) {
	file := slidesFile(t)
	const (
		meeting = `{"start_date": {"year": 2019}, "text": {"headline": "Meeting", "text": "In Vienna."}}`
		call    = `{"start_date": {"year": 2020}, "text": {"headline": "Call", "text": "By phone."}`
	)
	db := newDB(t)
	chrono(t, db, "", "import", file("first.json", meeting))
	if r := chrono(t, db, "", "note", "meeting", "About Vienna"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	added := file("added.json", call+`, "unique_id": "meeting"}`, meeting)
	want := `added.json:2:1: the slide "Call" would update meeting, the stored "Meeting" (2019), which is the slide at 3:1: give that one "unique_id": "meeting", and this one an id of its own`
	if r := chrono(t, db, "", "import", added); r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("a unique_id of the stored slide's made id: %+v\nwant %s", r, want)
	}
	if r := chrono(t, db, "", "show", "meeting"); !strings.Contains(r.stdout, "In Vienna.") || !strings.Contains(r.stdout, "About Vienna") {
		t.Errorf("the store changed: %+v", r)
	}
	given := file("given.json", call+`, "unique_id": "call"}`, `{"unique_id": "meeting", `+meeting[1:])
	if r := chrono(t, db, "", "import", given); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (1 new, 0 updated, 1 unchanged)") {
		t.Errorf("with the ids given: %+v", r)
	}
}

// TestImportKeepsUniqueIDsOverMadeIDs: a slide's unique_id is its event
// whatever comes before it in the file. An earlier slide without one,
// whose made id is that unique_id, steps aside: it does not update the
// stored event (carrying its notes onto the wrong slide), and the slide
// that names it is not renamed into a new event. So giving the shifted
// slide the id the refusal names is enough, and slides reordered in the
// file update their own events.
func TestImportKeepsUniqueIDsOverMadeIDs(t *testing.T) {
	file := slidesFile(t)
	const (
		crimea = `{"start_date": {"year": 2014, "month": 2}, "text": {"headline": "Аннексия Крыма"}}`
		maidan = `{"start_date": {"year": 2013, "month": 11}, "text": {"headline": "Евромайдан"}}`
		cash   = `{"start_date": {"year": 2017}, "text": {"headline": "Bags of cash", "text": "The offer."}}`
		reply  = `{"start_date": {"year": 2018}, "text": {"headline": "The reply", "text": "No."}, "unique_id": "bags-of-cash"}`
	)
	db := newDB(t)
	chrono(t, db, "", "import", file("first.json", crimea))
	if r := chrono(t, db, "", "note", "slide-1", "Verified on satellite images"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	given := file("given.json", maidan, `{"unique_id": "slide-1", `+crimea[1:])
	if r := chrono(t, db, "", "import", given); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (1 new, 0 updated, 1 unchanged)") || strings.Contains(r.stdout, "unique_id changed") {
		t.Errorf("the stored slide given its id: %+v", r)
	}
	if r := chrono(t, db, "", "show", "slide-1"); !strings.Contains(r.stdout, "Аннексия Крыма") || !strings.Contains(r.stdout, "Verified on satellite images") {
		t.Errorf("slide-1 is not the stored slide any more: %+v", r)
	}
	if r := chrono(t, db, "", "show", "slide-1-2"); !strings.Contains(r.stdout, "Евромайдан") {
		t.Errorf("the new slide: %+v", r)
	}

	db = newDB(t)
	chrono(t, db, "", "import", file("reply-first.json", reply, cash))
	chrono(t, db, "", "note", "bags-of-cash", "The reply, by mail")
	if r := chrono(t, db, "", "import", file("cash-first.json", cash, reply)); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (0 new, 0 updated, 2 unchanged)") {
		t.Errorf("the slides reordered: %+v", r)
	}
	if r := chrono(t, db, "", "show", "bags-of-cash"); !strings.Contains(r.stdout, "The reply") || !strings.Contains(r.stdout, "The reply, by mail") {
		t.Errorf("bags-of-cash is not the reply any more: %+v", r)
	}
}

// TestImportRefusesSwappedMadeAndUniqueIDs: a store that took a file
// when an id made for a slide took a later slide's unique_id, that one
// numbered after it ("meeting-2"), holds each under the other's id now
// that the unique_id wins: importing the file again would swap them,
// notes and all. It is refused, naming for each slide its stored id.
func TestImportRefusesSwappedMadeAndUniqueIDs(t *testing.T) {
	file := slidesFile(t)
	const (
		meeting = `{"start_date": {"year": 2019}, "text": {"headline": "Meeting", "text": "In Vienna."}}`
		call    = `{"start_date": {"year": 2020}, "text": {"headline": "Call", "text": "By phone."}`
	)
	db := newDB(t)
	// As the file below was imported when the made id won.
	chrono(t, db, "", "import", file("as-stored.json", `{"unique_id": "meeting", `+meeting[1:], call+`, "unique_id": "meeting-2"}`))
	chrono(t, db, "", "note", "meeting", "About Vienna")
	again := file("again.json", meeting, call+`, "unique_id": "meeting"}`)
	r := chrono(t, db, "", "import", again)
	for _, want := range []string{
		`again.json:2:1: the slide "Meeting" would update meeting-2, the stored "Call" (2020), which is the slide at 3:1: give that one "unique_id": "meeting-2"` + "\n",
		`again.json:3:1: the slide "Call" would update meeting, the stored "Meeting" (2019), which is the slide at 2:1: give that one "unique_id": "meeting"` + "\n",
	} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("the slides swapped: %+v\nwant %s", r, want)
		}
	}
	given := file("given.json", `{"unique_id": "meeting", `+meeting[1:], call+`, "unique_id": "meeting-2"}`)
	if r := chrono(t, db, "", "import", given); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (0 new, 0 updated, 2 unchanged)") {
		t.Errorf("with the ids given: %+v", r)
	}
	if r := chrono(t, db, "", "show", "meeting"); !strings.Contains(r.stdout, "In Vienna.") || !strings.Contains(r.stdout, "About Vienna") {
		t.Errorf("meeting is not the meeting any more: %+v", r)
	}
}

// slidesFile returns a function that writes a TimelineJS file of slides
// (each an object's text) in a directory of the test's, and returns its
// path.
func slidesFile(t *testing.T) func(name string, slides ...string) string {
	dir := t.TempDir()
	return func(name string, slides ...string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("{\"events\": [\n"+strings.Join(slides, ",\n")+"\n]}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// TestImportFromStdinRefusesShiftedSlides: a TimelineJS document read
// from stdin is checked as a file is, before it is imported: a slide
// added before others of its headline, or a later slide given the id a
// stored slide without a unique_id was made, is refused, the store
// unchanged; a store whose events took their ids so already takes the
// file again.
func TestImportFromStdinRefusesShiftedSlides(t *testing.T) {
	file := slidesFile(t)
	const (
		meeting = `{"start_date": {"year": 2019}, "text": {"headline": "Meeting", "text": "In Vienna."}}`
		call    = `{"start_date": {"year": 2020}, "text": {"headline": "Call", "text": "By phone."}, "unique_id": "meeting"}`
		kickoff = `{"start_date": {"year": 2018}, "text": {"headline": "Meeting", "text": "Kickoff."}}`
	)
	added, err := os.ReadFile(file("added.json", kickoff, meeting))
	if err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	chrono(t, db, "", "import", file("first.json", meeting))
	if r := chrono(t, db, "", "note", "meeting", "About Vienna"); r.code != 0 {
		t.Fatalf("note: %+v", r)
	}
	shift := `stdin:2:1: the slide "Meeting" would update meeting, the stored "Meeting" (2019), which is the slide at 3:1: give that one "unique_id": "meeting", and this one an id of its own`
	if r := chrono(t, db, string(added), "import", "-"); r.code != 1 || !strings.Contains(r.stderr, shift) {
		t.Errorf("a slide added before, from stdin: %+v\nwant %s", r, shift)
	}
	if r := chrono(t, db, "", "show", "meeting"); !strings.Contains(r.stdout, "In Vienna.") || !strings.Contains(r.stdout, "About Vienna") {
		t.Errorf("the store changed: %+v", r)
	}

	both, err := os.ReadFile(file("both.json", meeting, call))
	if err != nil {
		t.Fatal(err)
	}
	want := `stdin:3:1: the slide "Call" would update meeting, the stored "Meeting" (2019), which is the slide at 2:1`
	if r := chrono(t, db, string(both), "import", "-"); r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("a later unique_id of the stored slide's made id, from stdin: %+v\nwant %s", r, want)
	}
	if r := chrono(t, db, "", "show", "meeting"); !strings.Contains(r.stdout, "In Vienna.") || !strings.Contains(r.stdout, "About Vienna") {
		t.Errorf("the store changed: %+v", r)
	}

	fresh := newDB(t)
	chrono(t, fresh, "", "import", file("again.json", meeting, call))
	if r := chrono(t, fresh, string(both), "import", "-"); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (0 new, 0 updated, 2 unchanged)") {
		t.Errorf("the same file again, from stdin: %+v", r)
	}
}

// TestImportRefusesShiftedSlidesWorkedOn: a stored slide is known by what
// the last import brought as well as by what it reads now, so that a
// shift is refused when the events it would swap were edited in chrono,
// a title corrected or a text added to: those are the events worked on.
func TestImportRefusesShiftedSlidesWorkedOn(t *testing.T) {
	file := slidesFile(t)
	const (
		office  = `{"start_date": {"year": 2020, "month": 1, "day": 5}, "text": {"headline": "Meeting", "text": "Office"}}`
		phone   = `{"start_date": {"year": 2020, "month": 2, "day": 9}, "text": {"headline": "Meeting", "text": "Phone"}}`
		kickoff = `{"start_date": {"year": 2019, "month": 12, "day": 1}, "text": {"headline": "Meeting", "text": "Kickoff"}}`
	)
	for _, tt := range []struct {
		name  string
		first []string // the slides first imported
		edits [][]string
		then  []string // the slides imported then
		want  string
	}{
		{"a slide added before, the texts edited",
			[]string{office, phone}, [][]string{{"edit", "meeting", "--set", "summary=Office, two witnesses"}, {"edit", "meeting-2", "--set", "summary=Phone; call log"}},
			[]string{kickoff, office, phone},
			`then.json:2:1: the slide "Meeting" would update meeting, the stored "Meeting" (5 Jan 2020), which is the slide at 3:1`},
		{"a later slide given the id of one made, the titles edited",
			[]string{office, `{"unique_id": "meeting-2", ` + phone[1:]}, [][]string{{"edit", "meeting", "--set", "title=Meeting at the office"}, {"edit", "meeting-2", "--set", "title=Phone meeting"}},
			[]string{office, `{"unique_id": "meeting", ` + phone[1:]},
			`then.json:3:1: the slide "Meeting" would update meeting, the stored "Meeting at the office" (5 Jan 2020), which is the slide at 2:1`},
	} {
		db := newDB(t)
		if r := chrono(t, db, "", "import", file("first.json", tt.first...)); r.code != 0 {
			t.Fatalf("%s: import: %+v", tt.name, r)
		}
		for _, args := range append(tt.edits, []string{"edit", "meeting", "--set", "status=confirmed"}) {
			if r := chrono(t, db, "", args...); r.code != 0 {
				t.Fatalf("%s: %v: %+v", tt.name, args, r)
			}
		}
		then := file("then.json", tt.then...)
		for _, args := range [][]string{{"import", then}, {"import", "--prefer", "chrono", then}} {
			if r := chrono(t, db, "", args...); r.code != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("%s: %v: %+v\nwant %s", tt.name, args, r, tt.want)
			}
		}
		if r := chrono(t, db, "", "show", "meeting"); !strings.Contains(r.stdout, "5 Jan 2020") || !strings.Contains(r.stdout, "confirmed") {
			t.Errorf("%s: the store changed: %+v", tt.name, r)
		}
	}
}

// TestImportRefusesReorderedSameUniqueIDs: of two slides with the same
// unique_id, the second is numbered after the first, as a headline's
// made id is; so the two swapped in the file are refused as shifted,
// not imported each onto the other's stored event.
func TestImportRefusesReorderedSameUniqueIDs(t *testing.T) {
	file := slidesFile(t)
	const (
		alpha = `{"start_date": {"year": 2020}, "text": {"headline": "A", "text": "Alpha"}, "unique_id": "x"}`
		beta  = `{"start_date": {"year": 2021}, "text": {"headline": "B", "text": "Beta"}, "unique_id": "x"}`
	)
	db := newDB(t)
	if r := chrono(t, db, "", "import", file("first.json", alpha, beta)); r.code != 0 || !strings.Contains(r.stdout, "1 unique_id changed") {
		t.Fatalf("import: %+v", r)
	}
	chrono(t, db, "", "edit", "x", "--set", "status=confirmed")
	r := chrono(t, db, "", "import", file("swapped.json", beta, alpha))
	for _, want := range []string{
		// Each told what to do, and neither told to take the
		// unique_id it has already.
		`swapped.json:2:1: the slide "B" would update x, the stored "A" (2020), which is the slide at 3:1, whose unique_id is "x" too: give this one another` + "\n",
		`swapped.json:3:1: the slide "A" would update x-2, the stored "B" (2021), which is the slide at 2:1: give that one "unique_id": "x-2"` + "\n",
	} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("swapped: %+v\nwant %s", r, want)
		}
	}
	if strings.Contains(r.stderr, `give that one "unique_id": "x"`) {
		t.Errorf("a slide told to take the unique_id it has: %s", r.stderr)
	}
	given := file("given.json", beta[:len(beta)-len(`"x"}`)]+`"x-2"}`, alpha)
	if r := chrono(t, db, "", "import", given); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (0 new, 0 updated, 2 unchanged)") {
		t.Errorf("with the advice taken: %+v", r)
	}
	if r := chrono(t, db, "", "show", "x"); !strings.Contains(r.stdout, "Alpha") || !strings.Contains(r.stdout, "confirmed") {
		t.Errorf("the store changed: %+v", r)
	}
}

// TestImportRefusesASlideRemovedBeforePlacedIDs: a slide removed before
// slides whose ids come from their places (headlines that make none)
// gives the first of them an id no event has: imported, it would become
// a new event beside its own, stored under the next number, silently.
// The import is refused, naming the stored event to give as its
// unique_id, and so is the slide after it, which would update the first's
// event: told its own too, not an id of its own that would make another
// new event. Given as said, the file updates nothing and adds nothing.
func TestImportRefusesASlideRemovedBeforePlacedIDs(t *testing.T) {
	file := slidesFile(t)
	const (
		intro  = `{"start_date": {"year": 2013}, "text": {"headline": "Intro"}}`
		maidan = `{"start_date": {"year": 2014}, "text": {"headline": "Евромайдан", "text": "Протесты"}}`
		crimea = `{"start_date": {"year": 2014, "month": 3}, "text": {"headline": "Аннексия Крыма"}}`
	)
	db := newDB(t)
	if r := chrono(t, db, "", "import", file("first.json", intro, maidan, crimea)); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	removed := file("removed.json", maidan, crimea)
	for _, args := range [][]string{{"import", "--dry-run", removed}, {"import", removed}} {
		r := chrono(t, db, "", args...)
		if r.code != 1 ||
			!strings.Contains(r.stderr, `removed.json:2:1: the slide "Евромайдан" would become a new event, slide-1, while it is the stored slide-2: give it "unique_id": "slide-2"`) ||
			!strings.Contains(r.stderr, `removed.json:3:1: the slide "Аннексия Крыма" would update slide-2, the stored "Евромайдан" (2014), which is the slide at 2:1: give that one "unique_id": "slide-2", and this one "unique_id": "slide-3", the stored event it is`) {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if r := chrono(t, db, "", "list"); strings.Count(r.stdout, "\n") != 3 || strings.Contains(r.stdout, "slide-1") {
		t.Errorf("the store changed:\n%s", r.stdout)
	}
	given := file("given.json", `{"unique_id": "slide-2", `+maidan[1:], `{"unique_id": "slide-3", `+crimea[1:])
	if r := chrono(t, db, "", "import", given); r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events (0 new, 0 updated, 2 unchanged)") {
		t.Errorf("with the ids given: %+v", r)
	}
}
