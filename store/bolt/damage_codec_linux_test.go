package bolt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// TestAFaultInTheCodecIsTheFiles: a file cut short under an open store
// faults where the events' codec (package stored) reads a value past
// the new end. That fault is the file's, reported as damaged like one
// in bbolt's own reads, not a crash.
func TestAFaultInTheCodecIsTheFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wide.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const marker = "the summary begins here"
	doc := fmt.Sprintf(`{"chrono": 1, "events": [{"id": "wide", "title": "t", "summary": %q}]}`, marker+strings.Repeat(" bags of cash", 20_000))
	storetest.Import(t, s, storetest.NativeInput("wide.json", []byte(doc)))
	s.Close()

	ro, err := Open(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte(marker))
	if at < 0 {
		t.Fatal("the summary is not stored as is: update this test")
	}
	// Two pages into the value: its start is still there, so that it is
	// the codec, copying the summary out, that reads past the end.
	const page = 4096
	if err := os.Truncate(path, int64(at/page*page+2*page)); err != nil {
		t.Fatal(err)
	}
	var got error
	for _, err := range ro.Events(model.Query{}) {
		if err != nil {
			got = err
			break
		}
	}
	if got == nil {
		t.Fatal("the event was read whole from a file cut inside it")
	}
	checkDamageError(t, "cut inside a value", path, got)
}
