package formats

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestEveryFormatRoundTripsTheExample writes the example in each format
// that chrono also reads, recognises the output as that format, reads it
// back, and checks that no event's date changed precision or bounds.
func TestEveryFormatRoundTripsTheExample(t *testing.T) {
	tl := modeltest.Example(t)
	for _, f := range All {
		if f.Read == nil || f.Write == nil {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			events := func(yield func(model.Event, error) bool) {
				for _, e := range tl.Events {
					if !yield(e, nil) {
						return
					}
				}
			}
			var lost model.Losses
			n, err := f.Write(&buf, tl.Header, tl.Sources, events, &lost)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(tl.Events) {
				t.Errorf("wrote %d of %d events (%s)", n, len(tl.Events), lost.String())
			}
			got, r, err := Detect(&buf)
			if err != nil || got.Name != f.Name {
				t.Fatalf("the %s export was detected as %q (%v)", f.Name, got.Name, err)
			}
			var back model.Collect
			chk := model.NewChecker(&back, nil)
			if err := got.Read(r, chk, &model.Losses{}); err != nil {
				t.Fatal(err)
			}
			if err := chk.Done(); err != nil {
				t.Fatal(err)
			}
			dates := map[string]model.Date{}
			for _, e := range back.Timeline.Events {
				dates[e.ID] = e.Date
			}
			for _, e := range tl.Events {
				d, ok := dates[e.ID]
				switch {
				case !ok:
					t.Errorf("event %s did not come back", e.ID)
				case d.String() != e.Date.String():
					t.Errorf("event %s: date %s came back as %s", e.ID, e.Date, d)
				}
			}
		})
	}
}

func TestDetectNames(t *testing.T) {
	tests := []struct{ head, name, title string }{
		{`{"chrono": 1, "events": []}`, "json", "chrono JSON"},
		{`{"events": [{"start_date": {"year": 2017}, "text": {"headline": "x"}}]}`, "timelinejs", "TimelineJS JSON"},
		{`{"message": "x", "datetime": "2017-08-14", "timestamp_desc": "d"}` + "\n", "timesketch", "Timesketch JSONL"},
		{"message,datetime,timestamp_desc\nx,2017-08-14,d\n", "timesketch", "Timesketch CSV"},
		{"id,date,title\na,2017,x\n", "csv", "chrono CSV"},
		{`{"timeline": {"headline": "T", "date": [{"startDate": "2011,12,10", "headline": "x"}]}}`, "timelinejs", "TimelineJS2 JSON"},
	}
	for _, tt := range tests {
		f, _, err := Detect(strings.NewReader(tt.head))
		if err != nil || f.Name != tt.name || f.Title != tt.title {
			t.Errorf("Detect(%q) = %q %q, %v; want %q %q", tt.head, f.Name, f.Title, err, tt.name, tt.title)
		}
	}
	for _, head := range []string{"", "   \n", "<html></html>", "[1,2,3]"} {
		if f, _, err := Detect(strings.NewReader(head)); err == nil {
			t.Errorf("Detect(%q) = %q, want an error", head, f.Name)
		}
	}
	// TimelineJS2's JSONP is JSON once its assignment is taken off: the
	// error says so.
	for _, head := range []string{
		`storyjs_jsonp_data = {"timeline": {"headline": "T", "date": []}};`,
		"var storyjs_jsonp_data = {\n\"timeline\": {}}",
	} {
		if _, _, err := Detect(strings.NewReader(head)); err == nil || !strings.Contains(err.Error(), "TimelineJS2's JSONP") {
			t.Errorf("Detect(%q): %v, want TimelineJS2's JSONP named", head, err)
		}
	}
	if _, _, err := Detect(strings.NewReader("a = b\n")); err == nil || strings.Contains(err.Error(), "JSONP") {
		t.Errorf("Detect(a = b): %v", err)
	}
}

// TestDetectedFaultsAtTheirPlace: a Timesketch JSONL file with a fault in
// its first line (bytes that are not UTF-8, a line longer than detection
// looks at, or longer than any record may be, broken JSON) is still
// recognised from what can be read, so that its reader reports the fault
// where it is instead of the file being called a format chrono does not
// read.
func TestDetectedFaultsAtTheirPlace(t *testing.T) {
	valid := `{"message": "m", "datetime": "2017-08-14", "timestamp_desc": "d"}` + "\n"
	long := strings.Repeat("x", 60<<10) // as long as a title may be

	tests := []struct {
		name string
		doc  io.Reader
		want string // the start of the error, "" for none
	}{
		{"not UTF-8 before datetime", strings.NewReader(`{"message": "caf` + "\xe9" + `", "datetime": "2017-08-14", "timestamp_desc": "d"}` + "\n" + valid), "1:17: "},
		{"not UTF-8 in a name", strings.NewReader(`{"message": "m", "` + "\xe9" + `": 1, "datetime": "2017-08-14", "timestamp_desc": "d"}` + "\n"), "1:19: "},
		{"first line longer than detection looks", strings.NewReader(`{"message": "` + long + `", "note": "` + long + `", "datetime": "2017-08-14", "timestamp_desc": "d"}` + "\n" + valid), ""},
		{"first line broken", strings.NewReader(`{"message": "m", "datetime": }` + "\n" + valid), "1:30: "},
		{"first line longer than a record may be", modeltest.NewEndless(`{"message": "`, 'x'), "1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, r, err := Detect(tt.doc)
			if err != nil || f.Name != "timesketch" {
				t.Fatalf("detected %q, %v; want timesketch", f.Name, err)
			}
			chk := model.NewChecker(&model.Collect{}, nil)
			err = f.Read(r, chk, &model.Losses{})
			if err == nil {
				err = chk.Done()
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("read: %v", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("read: %v; want an error at %s", err, tt.want)
			}
		})
	}
}

// TestDetectByteOrderMark: every format chrono reads is recognised after
// the UTF-8 byte order mark Windows editors write.
func TestDetectByteOrderMark(t *testing.T) {
	tests := []struct{ head, name string }{
		{`{"chrono": 1, "events": []}`, "json"},
		{`{"id": "a", "title": "x"}` + "\n", "json"},
		{`{"events": [{"start_date": {"year": 2017}, "text": {"headline": "x"}}]}`, "timelinejs"},
		{`{"message": "x", "datetime": "2017-08-14", "timestamp_desc": "d"}` + "\n", "timesketch"},
		{"message,datetime,timestamp_desc\nx,2017-08-14,d\n", "timesketch"},
		{"id,date,title\na,2017,x\n", "csv"},
	}
	for _, tt := range tests {
		f, r, err := Detect(strings.NewReader("\uFEFF" + tt.head))
		if err != nil || f.Name != tt.name {
			t.Errorf("Detect(BOM %q) = %q, %v; want %q", tt.head, f.Name, err, tt.name)
			continue
		}
		var c model.Collect
		if err := f.Read(r, &c, nil); err != nil {
			t.Errorf("%s after a BOM: %v", tt.name, err)
		}
	}
}
