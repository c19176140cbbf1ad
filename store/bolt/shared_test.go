package bolt

import (
	"errors"
	"os"
	"slices"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// TestSharedHoldsNoLock: between its operations a Shared store leaves the
// file free, so another process can read it and write to it, and what that
// process writes is kept by the Shared store's next write.
func TestSharedHoldsNoLock(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{Timeout: 200 * time.Millisecond})
	if n, err := sh.Count(model.Query{}); err != nil || n != 13 {
		t.Fatalf("Count = %d, %v; want 13", n, err)
	}
	changes, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil)
	if err != nil {
		t.Fatal(err)
	}

	// Another process tags the event while the browser has it on screen.
	release := holdStore(t, path, false)
	if _, err := sh.Count(model.Query{}); !errors.Is(err, model.ErrInUse) {
		t.Errorf("a read while another process writes: %v, want model.ErrInUse", err)
	}
	release()
	other := openAt(t, path, Options{Timeout: time.Second})
	if _, err := storetest.Retag(other, []string{"fbi-tip"}, []string{"theirs"}, nil); err != nil {
		t.Fatal(err)
	}
	other.Close()

	if _, err := storetest.RetagEach(sh, []model.TagDelta{changes[0].Inverse()}); err != nil {
		t.Fatal(err)
	}
	d, err := sh.Detail("fbi-tip")
	if err != nil {
		t.Fatal(err)
	}
	if tags := d.Event.Tags; slices.Contains(tags, "mine") || !slices.Contains(tags, "theirs") {
		t.Errorf("tags %q after the undo; want theirs kept and mine gone", tags)
	}
}

// TestSharedWriteAfterTheFileIsReplaced: a write waiting for the lock
// while a large import renames a new file over the store must land in
// the new file, not in the old one the rename took away.
func TestSharedWriteAfterTheFileIsReplaced(t *testing.T) {
	path := storeFile(t)
	replacement := storeFile(t) // another file, as a bulk import builds
	holder := openAt(t, path, Options{})
	sh := NewShared(path, Options{Timeout: 5 * time.Second})
	done := make(chan error, 1)
	go func() {
		_, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"late"}, nil)
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the write is waiting for the lock
	if err := os.Rename(replacement, path); err != nil {
		t.Fatal(err)
	}
	holder.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path, Options{ReadOnly: true})
	if d, err := s.Detail("fbi-tip"); err != nil || !slices.Contains(d.Event.Tags, "late") {
		t.Errorf("the tag written across the replacement: %v, %v; want it in the file now at the path", d.Event.Tags, err)
	}
}

// TestSharedWriteToARemovedStore: a store removed while the browser has
// it open is not made again, empty, by its next write, nor written
// unseen: not when it was idle, not when it was held open after a write.
func TestSharedWriteToARemovedStore(t *testing.T) {
	for _, held := range []bool{false, true} {
		path := storeFile(t)
		sh := NewShared(path, Options{Timeout: 200 * time.Millisecond})
		if held {
			if _, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"first"}, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if _, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil); !errors.Is(err, model.ErrNoStore) {
			t.Errorf("held %v: a write to the removed store: %v, want model.ErrNoStore", held, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("held %v: the write made %s again (stat: %v)", held, path, err)
		}
		sh.Close()
	}
}

// TestSharedRelease: Release closes a store the reads left open, at
// once rather than after linger, and leaves one a read is using open.
func TestSharedRelease(t *testing.T) {
	sh := NewShared(storeFile(t), Options{Timeout: time.Second})
	defer sh.Close()
	isOpen := func() bool {
		sh.mu.Lock()
		defer sh.mu.Unlock()
		return sh.ro != nil
	}
	if _, err := sh.Header(); err != nil {
		t.Fatal(err)
	}
	if !isOpen() {
		t.Fatal("the store closed at once after a read: the test needs linger")
	}
	sh.Release()
	if isOpen() {
		t.Error("Release left the store open after the reads")
	}
	for _, err := range sh.Events(model.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		sh.Release() // a read is under way
		if !isOpen() {
			t.Fatal("Release closed the store under a read")
		}
		break
	}
	sh.Release()
	if isOpen() {
		t.Error("Release left the store open once the read ended")
	}
}

// TestSharedReadsGoOnBesideAWrite: while a write is under way, the
// process's reads are answered from the store as it was, rather than
// waiting for the write: a served investigation's readers do not stall
// while someone tags.
func TestSharedReadsGoOnBesideAWrite(t *testing.T) {
	sh := NewShared(storeFile(t), Options{Timeout: time.Second})
	defer sh.Close()
	inWrite, finish := make(chan struct{}), make(chan struct{})
	wrote := make(chan error, 1)
	go func() {
		_, err := sh.Write(model.OpTag, "retagged", func(tx model.Tx) error {
			close(inWrite)
			<-finish
			_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"slow"}, nil))
			return err
		})
		wrote <- err
	}()
	select {
	case <-inWrite:
	case err := <-wrote:
		t.Fatalf("the write ended before it began: %v", err)
	}
	read := make(chan error, 1)
	go func() {
		d, err := sh.Detail("fbi-tip")
		if err == nil && slices.Contains(d.Event.Tags, "slow") {
			err = errors.New("the read saw the write before it was done")
		}
		read <- err
	}()
	select {
	case err := <-read:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(2 * time.Second):
		t.Error("a read waited for the write under way")
	}
	close(finish)
	if err := <-wrote; err != nil {
		t.Fatal(err)
	}
	if d, err := sh.Detail("fbi-tip"); err != nil || !slices.Contains(d.Event.Tags, "slow") {
		t.Errorf("after the write: %v, %v; want the tag", d.Event.Tags, err)
	}
}

// TestSharedLetsAnotherProcessInAfterWrites: the store a Shared store
// keeps open for writing after a write is let go as soon as another
// process asks for it, to read or to write, well before writeLinger has
// passed; what that process writes is kept by the Shared store's next
// write.
func TestSharedLetsAnotherProcessInAfterWrites(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{Timeout: time.Second})
	defer sh.Close()
	if _, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	reader, err := Open(path, Options{ReadOnly: true, Timeout: writeLinger / 2})
	if err != nil {
		t.Fatalf("another process reading, right after a write: %v", err)
	}
	reader.Close()
	if _, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil); err != nil {
		t.Fatal(err)
	}
	other, err := Open(path, Options{Timeout: writeLinger / 2})
	if err != nil {
		t.Fatalf("another process, right after a write: %v", err)
	}
	if waited := time.Since(began); waited >= writeLinger/2 {
		t.Errorf("other processes waited %s for the store", waited)
	}
	if _, err := storetest.Retag(other, []string{"fbi-tip"}, []string{"theirs"}, nil); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if _, err := storetest.Retag(sh, []string{"fbi-tip"}, nil, []string{"mine"}); err != nil {
		t.Fatal(err)
	}
	d, err := sh.Detail("fbi-tip")
	if err != nil {
		t.Fatal(err)
	}
	if tags := d.Event.Tags; slices.Contains(tags, "mine") || !slices.Contains(tags, "theirs") {
		t.Errorf("tags %q; want theirs kept and mine gone", tags)
	}
}
