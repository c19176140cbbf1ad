package formats

import (
	"strings"
	"testing"
)

// TestDetectChronoJSONLines: what `chrono list --json` prints is read
// back as chrono JSON, and said to be its JSON Lines.
func TestDetectChronoJSONLines(t *testing.T) {
	head := `{"id":"a","date":"2017-08","title":"A","tags":["x"]}` + "\n" + `{"id":"b","title":"B"}` + "\n"
	f, _, err := Detect(strings.NewReader(head))
	if err != nil || f.Name != "json" || f.Title != "chrono JSON Lines" {
		t.Errorf("detected %q %q, %v; want json, chrono JSON Lines", f.Name, f.Title, err)
	}
}

// TestDetectSaysWhatIsMissing: chrono JSON without its version is not
// called a format chrono does not read.
func TestDetectSaysWhatIsMissing(t *testing.T) {
	_, _, err := Detect(strings.NewReader(`{"title": "x", "events": [{"id": "a", "title": "A"}]}`))
	if err == nil || !strings.Contains(err.Error(), `"chrono": 1 missing`) || strings.Contains(err.Error(), "not a format") {
		t.Errorf("error %v, want it to say \"chrono\": 1 is missing", err)
	}
}
