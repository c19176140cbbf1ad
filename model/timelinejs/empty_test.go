package timelinejs

import (
	"os"
	"testing"

	"chrono/model"
)

// TestEmptyMembersAreNoLoss: spreadsheet exports and templates write
// every member, most of them empty ("format": "", an empty title-slide
// media). A member that carries nothing loses nothing; only what carried
// something is counted.
func TestEmptyMembersAreNoLoss(t *testing.T) {
	doc, err := os.ReadFile("testdata/empty_members.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, losses := mustRead(t, string(doc))
	if len(tl.Events) != 2 || tl.Events[0].Date.String() != "2017-08/2018" {
		t.Fatalf("read %+v", tl.Events)
	}
	if !losses.Empty() {
		t.Errorf("losses %s, want none: every member left out was empty", losses)
	}

	// The same members, carrying something, are each counted.
	full := `{"title": {"text": {"headline": "T"}, "media": {"url": "https://x.org/a.jpg"}, "background": {"color": "#000"}},
	 "events": [{"start_date": {"year": 2017, "format": "mmmm yyyy", "format_short": "yyyy"}, "text": {"headline": "x", "caption": "c"},
	             "background": {"url": "https://x.org/b.jpg"}, "type": "era", "extra": {"a": ["x"]}}], "comment": "hello"}`
	_, losses = mustRead(t, full)
	checkLosses(t, losses, map[model.Loss]int{LossTitleField: 2, LossDateFormat: 2, LossBackground: 1, LossUnknownMember: 4})
}

// TestAutolinkDefault: "autolink": true is TimelineJS's default, which a
// slide chrono writes gets again; only false is a setting lost.
func TestAutolinkDefault(t *testing.T) {
	slide := func(v string) string {
		return `{"events": [{"start_date": {"year": 2017}, "text": {"headline": "x"}, "autolink": ` + v + `}]}`
	}
	if _, losses := mustRead(t, slide("true")); !losses.Empty() {
		t.Errorf("autolink true: losses %s, want none", losses)
	}
	_, losses := mustRead(t, slide("false"))
	checkLosses(t, losses, map[model.Loss]int{LossAutolink: 1})
}
