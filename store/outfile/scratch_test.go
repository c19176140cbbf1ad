package outfile

import (
	"os"
	"testing"
)

// TestScratchRemovedOnASignal: a scratch copy is removed by RemoveScratch,
// and by RemovePending when a signal ends the process before that.
func TestScratchRemovedOnASignal(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	for _, remove := range []func(*os.File){RemoveScratch, func(*os.File) { RemovePending() }} {
		f, err := Scratch("chrono-test-*.json")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(f.Name()); err != nil {
			t.Fatalf("the copy is not there: %v", err)
		}
		remove(f)
		f.Close()
		if _, err := os.Stat(f.Name()); !os.IsNotExist(err) {
			t.Errorf("%s left behind: %v", f.Name(), err)
		}
	}
}
