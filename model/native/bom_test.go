package native

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestByteOrderMark: chrono JSON saved by a Windows editor starts with a
// UTF-8 byte order mark, which is no part of the JSON; it is recognised
// and read, as a document and as JSON Lines.
func TestByteOrderMark(t *testing.T) {
	for _, doc := range []string{
		"\uFEFF{\"chrono\": 1, \"events\": [{\"id\": \"a\", \"title\": \"After a byte order mark\", \"date\": \"2017-08\"}]}",
		"\uFEFF{\"id\": \"a\", \"title\": \"After a byte order mark\", \"date\": \"2017-08\"}\n",
	} {
		if !Detect([]byte(doc)) && !DetectLines([]byte(doc)) {
			t.Errorf("not recognised: %q", doc)
		}
		var c model.Collect
		if err := Read(strings.NewReader(doc), &c); err != nil {
			t.Errorf("read %q: %v", doc, err)
			continue
		}
		if len(c.Timeline.Events) != 1 || c.Timeline.Events[0].Date.String() != "2017-08" {
			t.Errorf("read %q as %+v", doc, c.Timeline)
		}
	}
}
