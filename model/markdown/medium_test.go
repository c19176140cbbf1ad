package markdown

import (
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestWriteMedia: each medium of an event is a line of its particulars,
// apart from its quotes: its title, caption, credit and URL, which is a
// link only when it may be one; Markdown and escape sequences in them
// stay inert text. Nothing of them is counted lost.
func TestWriteMedia(t *testing.T) {
	es := []model.Event{{ID: "pictured", Title: "The office", Date: model.MustParseDate("2016-08-25"),
		Quotes: []model.Quote{{Text: "We drop bags of cash", Speaker: "Omri Lavie"}},
		Media: []model.Medium{
			{URL: "https://example.org/office.jpg", Caption: "NSO's office,\nfrom the street", Credit: "Reuters/Ammar Awad", Title: "The office"},
			{URL: "javascript:alert(1)", Caption: "**bold** [x](https://evil.example) \x1b[31m"},
		}}}
	out, losses := write(t, model.Header{Title: "Media"}, nil, es)
	modeltest.GoldenFile(t, "media", out)
	for _, want := range []string{
		"- Medium: “The office” · NSO's office, from the street · credit: Reuters/Ammar Awad · <https://example.org/office.jpg>\n",
		"- Medium: \\*\\*bold\\*\\* \\[x\\](https://evil.example) ␛\\[31m · `javascript:alert(1)`\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("an escape sequence is in the draft:\n%q", out)
	}
	if losses.Count(LostMarked) != 1 || len(losses.Lines()) != 1 {
		t.Errorf("losses %s; want only the marked caption", losses)
	}
}
