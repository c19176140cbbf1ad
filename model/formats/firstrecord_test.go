package formats

import (
	"io"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// TestDetectLongFirstRecord: Timesketch JSONL whose first record is
// longer than the bytes detection sniffs, with message and datetime
// after the cut (keys sorted, as many exporters write them), is
// recognised from the whole first record, and read whole.
func TestDetectLongFirstRecord(t *testing.T) {
	long := strings.Repeat("x", sniffSize+100)
	doc := `{"body": "` + long + `", "datetime": "2017-08-14", "message": "m", "timestamp_desc": "d"}` + "\n" +
		`{"body": "b", "datetime": "2017-08-15", "message": "n", "timestamp_desc": "d"}` + "\n"
	f, r, err := Detect(strings.NewReader(doc))
	if err != nil || f.Name != "timesketch" || f.Title != "Timesketch JSONL" {
		t.Fatalf("detected %q %q, %v; want timesketch, Timesketch JSONL", f.Name, f.Title, err)
	}
	rest, err := io.ReadAll(r)
	if err != nil || string(rest) != doc {
		t.Fatalf("the reader gives back %d of %d bytes (%v)", len(rest), len(doc), err)
	}
	var c model.Collect
	if err := f.Read(strings.NewReader(doc), &c, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	if len(c.Timeline.Events) != 2 || !strings.HasPrefix(c.Timeline.Events[0].Summary, "body: xxx") {
		t.Errorf("read %d events", len(c.Timeline.Events))
	}

	// A first line that is not Timesketch's is still not, however long.
	other := `{"body": "` + long + `", "title": "t"}` + "\n"
	if f, _, err := Detect(strings.NewReader(other)); err == nil {
		t.Errorf("detected %q, want an error", f.Name)
	}
	// Nor is one longer than any record may be; detection stops at the
	// record limit.
	endless := modeltest.NewEndless(`{"body": "`, 'x')
	if f, _, err := Detect(endless); err == nil {
		t.Errorf("detected %q, want an error", f.Name)
	}
	if endless.N > modeltest.MaxOverRecord {
		t.Errorf("read %d bytes of an endless first line, want at most %d", endless.N, modeltest.MaxOverRecord)
	}
}

// TestDetectPlasoDynamic: the CSV that Plaso's psort writes by default
// (its dynamic output) is Timesketch CSV, and reads as such.
func TestDetectPlasoDynamic(t *testing.T) {
	doc := "datetime,timestamp_desc,source,source_long,message,parser,display_name,tag\n" +
		"2020-09-19T02:19:33.251427+00:00,Event Time,EVT,WinEVTX,\"[4624] logon, by S-1-5-18\",winevtx,OS:C:\\Windows\\System32\\winevt\\Logs\\Security.evtx,-\n"
	f, r, err := Detect(strings.NewReader(doc))
	if err != nil || f.Name != "timesketch" || f.Title != "Timesketch CSV" {
		t.Fatalf("detected %q %q, %v; want timesketch, Timesketch CSV", f.Name, f.Title, err)
	}
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	if err := f.Read(r, chk, &model.Losses{}); err != nil {
		t.Fatal(err)
	}
	if err := chk.Done(); err != nil {
		t.Fatal(err)
	}
	if len(c.Timeline.Events) != 1 {
		t.Fatalf("read %d events, want 1", len(c.Timeline.Events))
	}
	e := c.Timeline.Events[0]
	wantSummary := "timestamp_desc: Event Time\nsource: EVT\nsource_long: WinEVTX\nparser: winevtx\ndisplay_name: OS:C:\\Windows\\System32\\winevt\\Logs\\Security.evtx"
	if e.Date.String() != "2020-09-19T02:19:33.251427+00:00" || e.Title != "[4624] logon, by S-1-5-18" || e.Summary != wantSummary || len(e.Tags) != 0 {
		t.Errorf("read %s %q %q %q", e.Date, e.Title, e.Summary, e.Tags)
	}
}
