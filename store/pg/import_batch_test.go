package pg

import (
	"runtime"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestAFaultWritingABatchIsTheImportsError: a batch is written on a
// goroutine of its own while the next is read; a fault there fails the
// import, which keeps nothing, rather than ending the process (a chrono
// serve with it).
func TestAFaultWritingABatchIsTheImportsError(t *testing.T) {
	for name, fault := range map[string]func(){
		"panic":  func() { panic("a fault") },
		"goexit": runtime.Goexit, // as t.Fatal in a test's hook
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t, "a")
			s.afterBatch = func(pgx.Tx) { fault() }
			_, err := s.Import([]model.Input{storetest.SynthInput(t, 2*importBatch+10)}, model.ImportOptions{})
			if err == nil || !strings.Contains(err.Error(), "internal error") {
				t.Fatalf("import with a fault in a batch: %v", err)
			}
			s.afterBatch = nil
			if n, err := s.Count(model.Query{}); err != nil || n != 0 {
				t.Errorf("after the failed import the investigation holds %d events (%v)", n, err)
			}
		})
	}
}
