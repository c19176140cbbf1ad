package bolt

import (
	"errors"
	"os"
	"strings"
	"testing"

	"chrono/model"
)

// TestUndoRefusedWhenOvertaken: two undos run at once on one file. The
// second waits for the first to let go of the store, and then found the
// first's undo the latest change and redid it: the change both were
// asked to take back was back. The second is refused, naming the change
// that came while it waited, and writes nothing; an undo of a file
// nobody wrote to meanwhile goes on.
func TestUndoRefusedWhenOvertaken(t *testing.T) {
	path := storeFile(t)
	seen, err := os.Stat(path) // as the second undo found it, before waiting
	if err != nil {
		t.Fatal(err)
	}

	first := openAt(t, path, Options{})
	undid, err := model.Undo(first)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()

	second, err := openSeen(path, Options{}, seen)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if !second.Overtaken() {
		t.Fatal("Overtaken() = false after another store wrote to the file meanwhile")
	}
	_, err = model.Undo(second)
	var overtaken *model.OvertakenError
	if !errors.As(err, &overtaken) || overtaken.Latest.Seq != undid.Seq || !strings.Contains(err.Error(), "chrono undo again") {
		t.Fatalf("the second undo: %v; want it refused, naming #%d", err, undid.Seq)
	}
	if last, err := second.Journal(model.JournalQuery{Limit: 1}); err != nil || last[0].Seq != undid.Seq {
		t.Fatalf("after the refused undo the latest change is %+v, %v; want #%d", last, err, undid.Seq)
	}
	second.Close()

	// Opened again, the file as it is now: the undo goes on.
	third := openAt(t, path, Options{})
	if third.Overtaken() {
		t.Error("Overtaken() = true for a file nobody wrote to while it was opened")
	}
	redid, err := model.Undo(third)
	if err != nil || redid.Reverts != undid.Seq {
		t.Errorf("an undo after the refusal: %+v, %v; want it to redo #%d", redid, err, undid.Seq)
	}
}
