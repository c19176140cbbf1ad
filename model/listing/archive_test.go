package listing

import (
	"bytes"
	"strings"
	"testing"

	"chrono/model"
)

// TestShowArchive: a quote's source shows its archived copy beside its
// URL, made safe for the terminal.
func TestShowArchive(t *testing.T) {
	d := model.Detail{
		Event:   model.Event{ID: "a", Title: "A", Quotes: []model.Quote{{Text: "bags of cash", Source: "s"}}},
		Sources: map[string]model.Source{"s": {ID: "s", Title: "T", URL: "https://example.com/a", Archive: "https://web.archive.org/web/2022/x\x1b[2J"}},
	}
	var b bytes.Buffer
	if err := Show(&b, d, nil, nil, 100, model.ZoneWritten); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "     https://example.com/a\n     archived https://web.archive.org/web/2022/x") || strings.Contains(out, "\x1b") {
		t.Errorf("shown as:\n%q", out)
	}
}
