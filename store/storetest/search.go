package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// searchDoc holds text that a store's own search index could get wrong:
// accents composed and decomposed, case beyond ASCII, the characters of
// SQL's LIKE (% _ \), words a search runs across, and fields side by side
// that a search must not run across.
const searchDoc = `{"chrono": 1, "events": [
  {"id": "zurich", "date": "2020-01-01", "title": "Meeting in Zürich", "summary": "At the ZÜRICH office"},
  {"id": "zurich-plain", "date": "2020-01-02", "title": "Zurich, without the accent"},
  {"id": "decomposed", "date": "2020-01-03", "title": "Zu\u0308rich, stored decomposed"},
  {"id": "percent", "date": "2020-01-04", "title": "Fees rose 50% in_2021", "summary": "saved under C:\\temp\\fees"},
  {"id": "underscore", "date": "2020-01-05", "title": "file_name, not filexname"},
  {"id": "lodz", "date": "2020-01-06", "title": "An arrest", "actors": ["Łódź Police"], "tags": ["poland"]},
  {"id": "kelvin", "date": "2020-01-07", "title": "Cooled to 4 \u212a"},
  {"id": "greek", "date": "2020-01-08", "title": "ΣΊΣΥΦΟΣ and the ᾼ stone", "notes": [{"text": "σίσυφος, ᾳ"}]},
  {"id": "spanning", "date": "2020-01-09", "title": "Gary Miller", "summary": "met the ambassador",
   "quotes": [{"text": "never done any business", "speaker": "NSO Group"}]},
  {"id": "cafe", "date": "2020-01-10", "title": "A note", "notes": [{"text": "Café crème, twice"}]},
  {"id": "nothing-alike", "date": "2020-01-11", "title": "Unrelated"},
  {"id": "full-width", "date": "2020-01-12", "title": "ＮＳＯ　Ｇｒｏｕｐの２０１７年の会議"},
  {"id": "curly", "date": "2020-01-13", "title": "The lawmaker’s “bags of cash”", "summary": "NSO\u00a0Group’s pro\u2011government l’été"},
  {"id": "straight", "date": "2020-01-14", "title": "The lawmaker's \"office\""},
  {"id": "yo", "date": "2020-01-15", "title": "Фёдоров and ЁЛКА"},
  {"id": "wide-accent", "date": "2020-01-16", "title": "Ｅ\u0301ｃｏｌｅ"},
  {"id": "vietnamese", "date": "2020-01-17", "title": "V\u1ecbnh H\u1ea1 Long"},
  {"id": "vietnamese-decomposed", "date": "2020-01-18", "title": "Ti\u0300nh Ha\u0323 Bay"},
  {"id": "hashtag", "date": "2020-01-19", "title": "A post", "summary": "tagged #Pegasus by its author"},
  {"id": "tagged", "date": "2020-01-20", "title": "Tagged", "tags": ["pegasus-leak", "Key"]},
  {"id": "pictured", "date": "2020-01-21", "title": "A photograph", "media": [
    {"url": "https://example.org/quayside.jpg", "caption": "Hulio at the Limassol meeting", "credit": "Andreas Kyriakou",
     "title": "The harbour café", "alt": "Two men at a table", "thumbnail": "https://example.org/thumb.jpg", "link": "https://example.org/story"}]}
]}`

// searches are the texts searchAgrees looks for, and, for some, the
// events that hold them, written out, so that the model is checked too.
var searches = []struct {
	text string
	want []string // nil: only that the store agrees with the model
}{
	{"zurich", []string{"zurich", "zurich-plain", "decomposed"}},
	// An accent typed finds the letter composed or decomposed.
	{"ZÜRICH", []string{"zurich", "decomposed"}},
	{"zürich", []string{"zurich", "decomposed"}},
	{"zu\u0308rich", []string{"zurich", "decomposed"}},
	{"50%", []string{"percent"}},
	{"%", []string{"percent"}},
	{"_", []string{"percent", "underscore"}},
	{"e_n", []string{"underscore"}},
	{"0% in_2", []string{"percent"}},
	{`\temp\`, []string{"percent"}},
	{`c:\`, []string{"percent"}},
	{"file_name", []string{"underscore"}},
	{"lodz", []string{"lodz"}},
	{"ŁÓDŹ", []string{"lodz"}},
	{"4 k", []string{"kelvin"}},
	{"\u212a", nil},
	{"sisyfos", nil},
	{"σίσυφος", []string{"greek"}},
	{"ΣΊΣΥΦΟΣ", []string{"greek"}},
	{"ᾳ", []string{"greek"}},
	{"ary mil", []string{"spanning"}},
	{"miller met", nil},       // runs from the title into the summary
	{"ambassador never", nil}, // from the summary into a quote
	{"ess nso", nil},          // from a quote's text into its speaker
	{"cafe creme", []string{"cafe"}},
	{"crème", []string{"cafe"}},
	{"creme", []string{"cafe"}},
	{"crème, TWICE", []string{"cafe"}},
	// Full-width forms, as East Asian text writes Latin letters and
	// digits, are the characters they stand for, typed either way.
	{"nso group", []string{"spanning", "full-width", "curly"}},
	{"ｎｓｏ　ｇｒｏｕｐ", []string{"spanning", "full-width", "curly"}},
	{"2017年", []string{"full-width"}},
	{"ｏ\u3000ｇ", []string{"spanning", "full-width", "curly"}},
	// Typographic apostrophes, quotation marks, no-break spaces and
	// hyphens are the characters a keyboard types; ё is е.
	{"lawmaker's", []string{"curly", "straight"}},
	{"lawmaker’s", []string{"curly", "straight"}},
	{`"bags of cash"`, []string{"curly"}},
	{"“office”", []string{"straight"}},
	{"nso group's", []string{"curly"}},
	{"pro-government", []string{"curly"}},
	{"l'été", []string{"curly"}},
	{"федоров", []string{"yo"}},
	{"елка", []string{"yo"}},
	{"Фёдоров", []string{"yo"}},
	{"’", nil},
	{"école", []string{"wide-accent"}},
	// An accent outside the fold's letters, typed either way, finds the
	// letter stored either way.
	{"ha\u0323 long", []string{"vietnamese"}},
	{"h\u1ea1 long", []string{"vietnamese"}},
	{"h\u1ea1 bay", []string{"vietnamese-decomposed"}},
	{"ha\u0323 bay", []string{"vietnamese-decomposed"}},
	{"a", nil},
	{"ab", nil},
	{"zz", []string{}},
	// A tag is searched as it is shown, #key; a text's own hashtag too.
	{"#key", []string{"tagged"}},
	{"#pegasus", []string{"hashtag", "tagged"}},
	{"#pegasus-", []string{"tagged"}},
	{"#leak", []string{}},
	{"leak", []string{"tagged"}},
	{"#", []string{"lodz", "hashtag", "tagged"}},
	{"\u0308", nil},
	// A medium's caption, credit, title and alt text are searched, each
	// on its own; its addresses are not.
	{"hulio", []string{"pictured"}},
	{"kyriakou", []string{"pictured"}},
	{"harbour cafe", []string{"pictured"}},
	{"two men", []string{"pictured"}},
	{"meeting andreas", []string{}},
	{"quayside", []string{}},
	{"thumb.jpg", []string{}},
}

// testSearchAgreesWithTheModel: every search finds, in every way a store
// answers it, exactly the events model.Query.Matches selects.
func testSearchAgreesWithTheModel(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("search.json", []byte(searchDoc)))
	events := InTimelineOrder(ReadEvents(t, []byte(searchDoc)))
	for _, sr := range searches {
		for _, q := range []model.Query{{Text: sr.text}, {Text: sr.text, Tags: []string{"poland"}}} {
			want := IDs(Selected(q, events))
			if q.Tags == nil && sr.want != nil && !slices.Equal(want, sr.want) {
				t.Errorf("the model finds %q in %q, want %q", sr.text, want, sr.want)
			}
			if got := eventIDs(t, st, q); !slices.Equal(got, want) {
				t.Errorf("%+v: Events = %q\nwant %q", q, got, want)
			}
			if got := scanIDs(t, st, q, nil, false); !slices.Equal(got, want) {
				t.Errorf("%+v: forward = %q\nwant %q", q, got, want)
			}
			if n, err := st.Count(q); err != nil || n != len(want) {
				t.Errorf("%+v: Count = %d, %v; want %d", q, n, err, len(want))
			}
			hit, _, err := st.Find(q, model.Position{}, false, 1000)
			switch {
			case err != nil:
				t.Errorf("%+v: Find: %v", q, err)
			case len(want) == 0 && !hit.IsZero(), len(want) > 0 && hit.EventID() != want[0]:
				t.Errorf("%+v: Find = %q, want the first of %q", q, hit.EventID(), want)
			}
		}
	}
}
