package model

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestCheckID(t *testing.T) {
	tests := []struct{ id, want string }{
		{"nso-denial", ""},
		{"Event_1.a:b", ""},
		{"", "id: missing: give it one, of the letters a–z and A–Z, digits and - _ . : (such as its title's first words joined by -)"},
		{"a b", `id "a b": use the letters a–z and A–Z (no accents), digits and - _ . : (starting with a letter or digit, no spaces)`},
		{"-lead", `id "-lead": use the letters a–z and A–Z (no accents), digits and - _ . : (starting with a letter or digit, no spaces)`},
		{"é", `id "é": use the letters a–z and A–Z (no accents), digits and - _ . : (starting with a letter or digit, no spaces)`},
		{strings.Repeat("a", 129), fmt.Sprintf("id %q…: longer than 128 bytes", strings.Repeat("a", 32))},
	}
	for _, tt := range tests {
		if got := CheckID(tt.id); got != tt.want {
			t.Errorf("CheckID(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestCheckTag(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"verify", ""},
		{"follow-up", ""},
		{"à vérifier", ""},
		{"", "tag: empty"},
		{" x", `tag " x": starts or ends with a space`},
		{"#x", `tag "#x": write it without the #`},
		{"a,b", `tag "a,b": has a control character, comma or semicolon`},
		{"a\x1bb", `tag "a\x1bb": has a control character, comma or semicolon`},
		{"a;b", `tag "a;b": has a control character, comma or semicolon`},
		{"a\tb", `tag "a\tb": has a control character, comma or semicolon`},
		{"a\x7fb", `tag "a\x7fb": has a control character, comma or semicolon`},
		{"a\u0085b", `tag "a\u0085b": has a control character, comma or semicolon`},
		{"a~b_c!d", ""},
		{strings.Repeat("t", 65), fmt.Sprintf("tag %q…: longer than 64 bytes", strings.Repeat("t", 32))},
		{strings.Repeat("é", 40), fmt.Sprintf("tag %q…: longer than 64 bytes", strings.Repeat("é", 16))}, // cut between characters
		// Invisible characters make a tag that looks like another.
		{"key\u200b", `tag "key\u200b": U+200B ZERO WIDTH SPACE is invisible; tags may not hold invisible characters`},
		{"a\u200fb", `tag "a\u200fb": U+200F RIGHT-TO-LEFT MARK is invisible; tags may not hold invisible characters`},
		{"a\u200eb", `tag "a\u200eb": U+200E LEFT-TO-RIGHT MARK is invisible; tags may not hold invisible characters`},
		{"a\u061cb", `tag "a\u061cb": U+061C ARABIC LETTER MARK is invisible; tags may not hold invisible characters`},
		{"\ufeffkey", `tag "\ufeffkey": U+FEFF ZERO WIDTH NO-BREAK SPACE is invisible; tags may not hold invisible characters`},
		{"a\u00adb", `tag "a\u00adb": U+00AD SOFT HYPHEN is invisible; tags may not hold invisible characters`},
		{"a\u2060b", `tag "a\u2060b": U+2060 WORD JOINER is invisible; tags may not hold invisible characters`},
		{"a\u2062b", `tag "a\u2062b": U+2062 INVISIBLE TIMES is invisible; tags may not hold invisible characters`},
		{"a\u180eb", `tag "a\u180eb": U+180E MONGOLIAN VOWEL SEPARATOR is invisible; tags may not hold invisible characters`},
		{"a\u3164b", `tag "a\u3164b": U+3164 HANGUL FILLER is invisible; tags may not hold invisible characters`},
		{"x\U000e0061", `tag "x\U000e0061": U+E0061 TAG CHARACTER is invisible; tags may not hold invisible characters`},
		// Even where they join: a tag is a name to tell apart, not text.
		{"👩\u200d👩", `tag "👩\u200d👩": U+200D ZERO WIDTH JOINER is invisible; tags may not hold invisible characters`},
		{"می\u200cخواهم", `tag "می\u200cخواهم": U+200C ZERO WIDTH NON-JOINER is invisible; tags may not hold invisible characters`},
		// Direction controls reorder what follows: "#ab" reads as another.
		{"ab\u202ecd", `tag "ab\u202ecd": U+202E is a control of the direction of text, which would make the tag read as another; tags may not hold one`},
		{"a\u2066b", `tag "a\u2066b": U+2066 is a control of the direction of text, which would make the tag read as another; tags may not hold one`},
		{"שלום", ""},
		{"🔥", ""},
		{"日本語", ""},
	}
	for _, tt := range tests {
		if got := CheckTag(tt.tag); got != tt.want {
			t.Errorf("CheckTag(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}

// Tags match in any case, so an event holds a tag once whatever its case.
// Both ways of finding them, by comparing each tag with those before it
// and by their keys, say the same.
func TestEventCheckTagsInAnyCase(t *testing.T) {
	defer func(n int) { fewTags = n }(fewTags)
	e := Event{ID: "x", Title: "X", Tags: []string{"Été", "key", "été", "#k", "KEY", "keys", "#K", "key", "ǅ", "ǆ", "Ǆ", "café", "CAFE\u0301"}}
	want := []string{
		`tag "été": listed twice, as "Été": tags match in any case`,
		`tag "#k": write it without the #`,
		`tag "KEY": listed twice, as "key": tags match in any case`,
		`tag "#K": write it without the #`,
		`tag "key": listed twice`,
		`tag "ǆ": listed twice, as "ǅ": tags match in any case`,
		`tag "Ǆ": listed twice, as "ǅ": tags match in any case`,
		"tag \"CAFE\u0301\": listed twice, as \"café\", which reads the same, its accents written otherwise: keep one",
	}
	for _, few := range []int{16, 0} {
		fewTags = few
		if got := e.Check(); !reflect.DeepEqual(got, want) {
			t.Errorf("with fewTags %d, Check():\n got %q\nwant %q", few, got, want)
		}
	}
}

func TestEventCheck(t *testing.T) {
	e := Event{
		ID: "x", Title: " ", Status: "rumour", DateSource: "wapo", DateTextOf: "middle",
		Actors: []string{"NSO", ""},
		Tags:   []string{"a", "a", ""},
		Quotes: []Quote{{Text: " \n "}, {Text: "q", Stance: "maybe"}},
		Links:  []Link{{Rel: "causes", Event: "y"}, {Rel: Disputes}, {Rel: Related, Event: "x"}},
		Notes:  []Note{{Text: ""}},
	}
	want := []string{
		"title: missing",
		`status "rumour": not one of confirmed, reported, alleged, disputed, denied`,
		`date_text_of "middle": one of start, end, ends, a list such as whole:9,start:11,end, or none for words of the whole date`,
		`date_source "wapo": needs date_text, the words it anchors`,
		"actor #2: empty",
		`tag "a": listed twice`,
		"tag: empty",
		"quote #1: text missing",
		`quote #2: stance "maybe": not one of asserts, denies, context`,
		`link #1: rel "causes": not one of disputes, disputed-by, supports, supported-by, follows, precedes, related`,
		"link #2: event missing",
		"link #3: links the event to itself",
		"note #1: empty",
	}
	if got := e.Check(); !reflect.DeepEqual(got, want) {
		t.Errorf("Check():\n got %q\nwant %q", got, want)
	}
}

// validate checks a whole Timeline held in memory, as an import of it
// would, and returns nil or *Problems.
func validate(t Timeline) error {
	c := NewChecker(nil, nil)
	_ = Feed(t, c)
	return c.Done()
}

func TestValidate(t *testing.T) {
	tl := Timeline{
		Sources: []Source{{ID: "wapo"}, {ID: "wapo"}, {ID: "bad id"}},
		Events: []Event{
			{ID: "a", Title: "A", Links: []Link{{Rel: Follows, Event: "b"}}},
			{ID: "b", Title: "B", Quotes: []Quote{{Text: "q", Source: "nyt"}}},
			{ID: "a", Title: "again"},
			{ID: "", Title: "no id"},
			{ID: "c", Title: "C", Links: []Link{{Rel: Related, Event: "zz"}}},
		},
	}
	err := validate(tl)
	want := []string{
		`source "wapo" (#2): id "wapo": already used by source #1`,
		`source "bad id" (#3): id "bad id": use the letters a–z and A–Z (no accents), digits and - _ . : (starting with a letter or digit, no spaces)`,
		// References are resolved at the end, since a file may name an
		// event or source before it declares it, and said in file order.
		`event "b" (#2): quote #1: source "nyt": no such source`,
		`event "a" (#3): id "a": already used by event #1`,
		`event #4: id: missing: give it one, of the letters a–z and A–Z, digits and - _ . : (such as its title's first words joined by -)`,
		`event "c" (#5): link #1: event "zz": no such event`,
	}
	if err == nil {
		t.Fatal("validate found nothing")
	}
	if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("validate:\n got %q\nwant %q", got, want)
	}
	var ps *Problems
	if !errors.As(err, &ps) {
		t.Fatalf("validate returned %T, not *Problems", err)
	}
	var dups []string
	for _, p := range ps.List {
		if errors.Is(p, ErrDuplicateID) {
			dups = append(dups, p.Error())
		}
	}
	if want := []string{want[0], want[3]}; !reflect.DeepEqual(dups, want) {
		t.Errorf("duplicate ids:\n got %q\nwant %q", dups, want)
	}
	// A link to no event is told from the rest, for the import to say
	// what to do about it; a source that is missing is not such a link.
	var links []string
	for _, p := range ps.List {
		if errors.Is(p, ErrNoLinkedEvent) {
			links = append(links, p.Error())
		}
	}
	if want := []string{want[5]}; !reflect.DeepEqual(links, want) {
		t.Errorf("links to no event:\n got %q\nwant %q", links, want)
	}
}

// knownIDs is a store's view of what already exists.
type knownIDs map[string]bool

func (k knownIDs) HasEvent(id string) bool  { return k["e:"+id] }
func (k knownIDs) HasSource(id string) bool { return k["s:"+id] }

func TestCheckerKnownAndForwarding(t *testing.T) {
	var out Collect
	c := NewChecker(&out, knownIDs{"e:stored": true, "s:wapo": true})
	_ = c.Event(Event{ID: "a", Title: "A", Links: []Link{{Rel: Follows, Event: "stored"}}, Quotes: []Quote{{Text: "q", Source: "wapo"}}}, 1)
	if err := c.Done(); err != nil {
		t.Fatalf("references to stored ids: %v", err)
	}
	if len(out.Timeline.Events) != 1 {
		t.Errorf("valid event not forwarded")
	}
	// Once a problem is found, nothing more is forwarded.
	_ = c.Event(Event{ID: "b"}, 2)
	_ = c.Event(Event{ID: "c", Title: "C"}, 3)
	if len(out.Timeline.Events) != 1 {
		t.Errorf("forwarded %d events after a problem", len(out.Timeline.Events))
	}
	if c.Done() == nil {
		t.Error("no error for an event without a title")
	}
}

func TestProblemsCap(t *testing.T) {
	var ps Problems
	for i := range maxProblems + 7 {
		ps.Add(Problem{Part: EventPart, N: i + 1, Msg: "title: missing"})
	}
	lines := strings.Split(ps.Error(), "\n")
	if len(lines) != maxProblems+1 || lines[len(lines)-1] != "… and 7 more problems" {
		t.Errorf("capped list ends %q after %d lines", lines[len(lines)-1], len(lines))
	}
	if ps.Len() != maxProblems+7 {
		t.Errorf("Len = %d", ps.Len())
	}
}

func TestOrderKeyAgreesWithCompare(t *testing.T) {
	events := []Event{
		{ID: "b", Date: MustParseDate("2017-08")},
		{ID: "a", Date: MustParseDate("2017-08")},
		{ID: "u"},
		{ID: "t"},
		{ID: "open", Date: MustParseDate("../2021")},
		{ID: "bce", Date: MustParseDate("-0043")},
		{ID: "iv", Date: MustParseDate("2017-08/2021")},
		{ID: "t1", Date: MustParseDate("2017-08-01T00:00:00Z")},
		{ID: "t2", Date: MustParseDate("2017-08-01T00:00:00.5Z")},
		{ID: "far", Date: MustParseDate("Y170000002")},
		{ID: "ta", Title: "a", Date: MustParseDate("2017-08")},
		{ID: "tnul", Title: "a\x00", Date: MustParseDate("2017-08")},
		{ID: "tnul2", Title: "a\x00b", Date: MustParseDate("2017-08")},
		{ID: "tb", Title: "b", Date: MustParseDate("2017-08")},
		{ID: "day", Title: "a", Date: MustParseDate("2017-08-31")},
	}
	for _, a := range events {
		for _, b := range events {
			ka, kb := OrderKey(&a), OrderKey(&b)
			if got, want := strings.Compare(string(ka), string(kb)), CompareEvents(&a, &b); got != want {
				t.Errorf("%s vs %s: keys compare %d, events %d", a.ID, b.ID, got, want)
			}
		}
		if got := OrderKeyID(OrderKey(&a)); got != a.ID {
			t.Errorf("OrderKeyID = %q, want %q", got, a.ID)
		}
	}
}

func TestCheckerAcrossFiles(t *testing.T) {
	var out Collect
	c := NewChecker(&out, nil)
	c.NextFile("a.json")
	if err := Feed(Timeline{Events: []Event{{ID: "one", Title: "One"}, {ID: "two", Title: "Two"}}}, c); err != nil {
		t.Fatal(err)
	}
	if err := c.Done(); err != nil {
		t.Fatal(err)
	}
	c.NextFile("b.json")
	// A link may point into an earlier file; an id may not be reused.
	b := Timeline{Events: []Event{
		{ID: "three", Title: "Three", Links: []Link{{Rel: Follows, Event: "one"}}},
		{ID: "two", Title: "Two again"},
	}}
	if err := Feed(b, c); err != nil {
		t.Fatal(err)
	}
	err := c.Done()
	if !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `event "two" (#2): id "two": already used by event #2 of a.json`) {
		t.Errorf("Done: %v", err)
	}
	if strings.Contains(err.Error(), "three") {
		t.Errorf("the link into the earlier file was refused: %v", err)
	}
}

// TestCheckerSourcesAcrossFiles: files of one import that share a source
// and say it alike give it once; one that gives it otherwise is refused,
// naming the file that gave it first.
func TestCheckerSourcesAcrossFiles(t *testing.T) {
	wapo := Source{ID: "wapo", Publisher: "The Washington Post"}
	var out Collect
	c := NewChecker(&out, nil)
	for _, f := range []string{"a.json", "b.json"} {
		c.NextFile(f)
		if err := Feed(Timeline{Sources: []Source{wapo}}, c); err != nil {
			t.Fatal(err)
		}
		if err := c.Done(); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if len(out.Timeline.Sources) != 1 {
		t.Errorf("%d sources passed on, want the shared one once", len(out.Timeline.Sources))
	}
	c.NextFile("c.json")
	other := wapo
	other.Title = "Another headline"
	if err := Feed(Timeline{Sources: []Source{other}}, c); err != nil {
		t.Fatal(err)
	}
	if err := c.Done(); !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `id "wapo": already used by source #1 of a.json, which gives it otherwise`) {
		t.Errorf("a source given otherwise: %v", err)
	}
}

// TestBlank: a text is blank when it shows nothing: white space, and the
// characters a page shows as nothing; a quote of them is no quote.
func TestBlank(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"", true},
		{"  \n\t", true},
		{"\u200b", true},
		{"\u00a0\u200b\ufeff", true},
		{"a", false},
		{"  bags of cash", false},
		{"\u200bé", false},
		{"証拠", false},
	} {
		if got := Blank(tt.s); got != tt.want {
			t.Errorf("Blank(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	e := Event{ID: "z", Title: "Z", Quotes: []Quote{{Text: "\u200b\u200b"}}}
	if msgs := e.Check(); len(msgs) != 1 || msgs[0] != "quote #1: text missing" {
		t.Errorf("a quote of zero-width spaces: %q", msgs)
	}
}
