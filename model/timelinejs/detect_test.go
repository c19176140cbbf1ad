package timelinejs

import (
	"bytes"
	"os"
	"testing"
)

func TestDetect(t *testing.T) {
	nso, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	exported, err := os.ReadFile("testdata/nso.golden")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, head string
		want       bool
	}{
		{"chrono's own format", string(nso), false},
		{"chrono's export to TimelineJS", string(exported), true},
		{"cut off in the title", string(exported[:300]), true},
		{"cut off in the first slide", string(exported[:bytes.Index(exported, []byte("start_date"))+5]), true},
		{"slide with a start_date", `{"events": [{"start_date": {"year": 2017}}]}`, true},
		{"start_date in a later slide", `{"events": [{"text": {}}, {"start_date": {"year": 2017}}]}`, true},
		{"title slide first, cut off", `{"title": {"text": {"headline": "T"}}, "events": [{"te`, true},
		{"eras", `{"eras": [], "events": []}`, true},
		{"chrono member later", `{"title": {"text": {}}, "chrono": 1, "events": []}`, false},
		{"chrono document with a string title", `{"title": "T", "events": [{"id": "a", "date": "2017"}]}`, false},
		{"no events", `{"title": {"text": {"headline": "T"}}}`, false},
		{"events not an array", `{"events": {"start_date": {}}}`, false},
		{"an array", `[{"start_date": {"year": 2017}}]`, false},
		{"not JSON", "year,month\n2017,8\n", false},
		{"empty", "", false},
		{"cut off before anything tells", `{"events": [{"te`, false},
		{"a slide without its start_date", `{"events": [{"text": {"headline": "x"}}]}`, true},
		{"a slide of media alone", `{"events": [{"media": {"url": "https://x.example"}}]}`, true},
		{"chrono events without the version", `{"events": [{"id": "a", "title": "A", "date": "2017"}]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.head)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}
