package storetest

import (
	"strings"
	"testing"

	"chrono/model"
)

// testImportKeepsAStoredMadeID: a TimelineJS slide without a unique_id
// gives way to a later slide whose unique_id is the id made for it; when
// the store holds the first slide's event under that id (imported before
// the second slide had it), the reader refuses the file rather than have
// the second slide update the first one's event, whatever store it asks
// what it holds. A store whose events took their ids so takes the file
// again. So in one transaction and in bulk.
func testImportKeepsAStoredMadeID(t *testing.T, s *suite) {
	const (
		meeting = `{"start_date": {"year": 2019}, "text": {"headline": "Meeting", "text": "In Vienna."}}`
		call    = `{"start_date": {"year": 2020}, "text": {"headline": "Call", "text": "By phone."}, "unique_id": "meeting"}`
	)
	only := `{"events": [` + meeting + `]}`
	both := `{"events": [` + meeting + `, ` + call + `]}`
	eachWay(t, func(t *testing.T, bulk bool) {
		opts := model.ImportOptions{Bulk: bulk}
		st := s.empty(t)
		if _, err := st.Import([]model.Input{timelineJSInput("only.json", only)}, opts); err != nil {
			t.Fatal(err)
		}
		_, err := st.Import([]model.Input{timelineJSInput("both.json", both)}, opts)
		if err == nil || !strings.Contains(err.Error(), `the slide "Meeting" has no unique_id, and the stored meeting, which is this slide`) {
			t.Errorf("import of a later unique_id naming a stored made id: %v", err)
		}
		if e, err := st.Event("meeting"); err != nil || e.Title != "Meeting" {
			t.Errorf("meeting after the refusal: %q, %v", e.Title, err)
		}

		fresh := s.empty(t)
		for range 2 {
			if _, err := fresh.Import([]model.Input{timelineJSInput("both.json", both)}, opts); err != nil {
				t.Fatal(err)
			}
		}
		if e, err := fresh.Event("meeting"); err != nil || e.Title != "Call" {
			t.Errorf("meeting, the file imported twice: %q, %v", e.Title, err)
		}
	})
}
