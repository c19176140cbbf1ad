package storetest

import (
	"bytes"
	"testing"

	"chrono/model"
	"chrono/model/timelinejs"
)

// timelineJSInput is a TimelineJS document as an import's input.
func timelineJSInput(name, doc string) model.Input {
	return model.Input{Name: name, Carries: timelinejs.Carries, Read: func(sink model.Sink) error {
		return timelinejs.Read(bytes.NewReader([]byte(doc)), sink, nil)
	}}
}

// testImportCitesEachURL: a format that makes source ids up from a
// URL's host (TimelineJS) never makes one a stored source of another URL
// has, and cites a URL already stored by its source's id: a later file's
// quote cites the page it came from, and no stored source is moved to
// another page. So in one transaction and in bulk. The media are quotes
// as chrono's export marks them up, naming no source by its id: any
// other media is a medium, whose URL is no source.
func testImportCitesEachURL(t *testing.T, s *suite) {
	first := `{"events": [
		{"unique_id": "a", "start_date": {"year": "2017"}, "text": {"headline": "A"}, "media": {"url": "https://news.example/one", "caption": "Quote one", "credit": "Alice, <span class=\"chrono-context\">to the paper</span>"}},
		{"unique_id": "b", "start_date": {"year": "2018"}, "text": {"headline": "B"}, "media": {"url": "https://news.example/two", "caption": "Quote two", "credit": "Bob, <span class=\"chrono-context\">to the paper</span>"}}]}`
	later := `{"events": [
		{"unique_id": "c", "start_date": {"year": "2019"}, "text": {"headline": "C"}, "media": {"url": "https://news.example/three", "caption": "Quote three", "credit": "Carol, <span class=\"chrono-context\">to the paper</span>"}},
		{"unique_id": "d", "start_date": {"year": "2020"}, "text": {"headline": "D"}, "media": {"url": "https://news.example/two", "caption": "Quote four", "credit": "Dan, <span class=\"chrono-context\">to the paper</span>"}}]}`
	eachWay(t, func(t *testing.T, bulk bool) {
		st := s.empty(t)
		opts := model.ImportOptions{Bulk: bulk}
		for _, in := range []model.Input{timelineJSInput("first.json", first), timelineJSInput("later.json", later), timelineJSInput("first.json", first)} {
			if _, err := st.Import([]model.Input{in}, opts); err != nil {
				t.Fatalf("%s: %v", in.Name, err)
			}
		}
		sources, err := st.Sources()
		if err != nil {
			t.Fatal(err)
		}
		url := map[string]string{}
		for _, src := range sources {
			url[src.ID] = src.URL
		}
		if len(sources) != 3 {
			t.Errorf("sources %v, want one per URL", url)
		}
		// Another investigation's export names its source by an id
		// a stored source of another page holds.
		theirs := `{"events": [{"unique_id": "e", "start_date": {"year": "2021"}, "text": {"headline": "E"}, "media": {"url": "https://other.example/x", "caption": "Quote five",
			"credit": "Eve, <cite data-source=\"news.example\">Other</cite>"}}]}`
		if _, err := st.Import([]model.Input{timelineJSInput("theirs.json", theirs)}, opts); err != nil {
			t.Fatalf("theirs.json: %v", err)
		}
		if sources, err = st.Sources(); err != nil {
			t.Fatal(err)
		}
		for _, src := range sources {
			url[src.ID] = src.URL
		}
		for id, want := range map[string]string{"a": "https://news.example/one", "b": "https://news.example/two", "c": "https://news.example/three", "d": "https://news.example/two", "e": "https://other.example/x"} {
			e := StoredEvent(t, st, id)
			if len(e.Quotes) != 1 || url[e.Quotes[0].Source] != want {
				t.Errorf("event %s's quotes %+v (sources %v), want one citing %s", id, e.Quotes, url, want)
			}
		}
	})
}
