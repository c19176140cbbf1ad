package formats

import (
	"os"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// TestDetectsAndReadsPlaso recognises psort's json_line and l2tcsv
// outputs without being told, and reads their dates, tags and attributes.
func TestDetectsAndReadsPlaso(t *testing.T) {
	tests := []struct {
		file, variant string
		dates         []string
		tags          [][]string
		summary       []string // lines the first event's summary has
	}{
		{
			file: "../plaso/testdata/plaso.jsonl", variant: "Plaso json_line",
			dates: []string{"2012-06-27T18:17:01Z", "2009-03-16T10:13:31.123456Z", "1601-01-01T00:00:00Z"},
			tags:  [][]string{{"Malware", "Printed"}, nil, {"persistence"}},
			summary: []string{"timestamp_desc: Content Modification Time", "display_name: OS: /var/log/syslog.1",
				"parser: syslog", "data_type: syslog:line", "username: root"},
		},
		{
			file: "../plaso/testdata/l2tcsv.csv", variant: "Plaso l2tcsv",
			dates: []string{"2012-06-27T18:17:01Z", "2009-03-16T11:13:31+01:00", "2021-07-01T09:00:00+02:00"},
			tags:  [][]string{{"Malware", "Printed"}, nil, {"persistence"}},
			summary: []string{"type: Content Modification Time", "MACB: M...", "host: ubuntu",
				"filename: FAKE:log/syslog.1", "format: test_parser", "extra: a_binary_field: binary; my_number: 123; some_additional_foo: True"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.variant, func(t *testing.T) {
			f, err := os.Open(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, r, err := Detect(f)
			if err != nil || got.Name != "plaso" || got.Title != tt.variant {
				t.Fatalf("detected as %q (%q), %v; want plaso (%s)", got.Name, got.Title, err, tt.variant)
			}
			var c model.Collect
			chk := model.NewChecker(&c, nil)
			var lost model.Losses
			if err := got.Read(r, chk, &lost); err != nil {
				t.Fatal(err)
			}
			if err := chk.Done(); err != nil {
				t.Fatal(err)
			}
			events := c.Timeline.Events
			if len(events) != len(tt.dates) {
				t.Fatalf("read %d events, want %d", len(events), len(tt.dates))
			}
			for i, e := range events {
				want, err := model.ParseDate(tt.dates[i])
				if err != nil {
					t.Fatal(err)
				}
				if e.Date.String() != want.String() {
					t.Errorf("event %d: date %s, want %s", i+1, e.Date, want)
				}
				if !slices.Equal(e.Tags, tt.tags[i]) {
					t.Errorf("event %d: tags %q, want %q", i+1, e.Tags, tt.tags[i])
				}
			}
			lines := strings.Split(events[0].Summary, "\n")
			for _, want := range tt.summary {
				if !slices.Contains(lines, want) {
					t.Errorf("the first event's summary has no line %q:\n%s", want, events[0].Summary)
				}
			}
		})
	}
}
