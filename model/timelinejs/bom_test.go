package timelinejs

import (
	"errors"
	"os"
	"testing"

	"chrono/model"
)

// TestByteOrderMark: a file a Windows editor saved starts with a UTF-8
// byte order mark, which is no part of the JSON. It is recognised and
// read, and its problems are placed as an editor shows them.
func TestByteOrderMark(t *testing.T) {
	doc, err := os.ReadFile("testdata/bom.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc[:3]) != "\uFEFF" {
		t.Fatal("testdata/bom.json lost its byte order mark")
	}
	if !Detect(doc) {
		t.Error("Detect does not recognise a file that starts with a byte order mark")
	}
	tl, _ := mustRead(t, string(doc))
	if len(tl.Events) != 1 || tl.Events[0].Date.String() != "2017-08" || tl.Header.Title != "Saved by a Windows editor" {
		t.Errorf("read %+v", tl)
	}

	_, _, err = readDoc(t, "\uFEFF{\"events\": [{\"start_date\": {\"year\": 2017, \"month\": 13}}]}")
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 1 || p.Column != 52 {
		t.Errorf("problem %v, want one at 1:52, the column an editor shows", err)
	}
}
