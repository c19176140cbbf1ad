package extsort

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestLastStreamsLetGoOfTheRuns: runs read for the last time keep little
// of what was read in the file system (their holes read as zeros), while
// runs read by Streams keep all of it, to be read again.
func TestLastStreamsLetGoOfTheRuns(t *testing.T) {
	dir := t.TempDir()
	probe := filepath.Join(dir, "probe")
	if err := os.WriteFile(probe, make([]byte, 1<<16), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(probe, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	err = punch(f, 0, 1<<12)
	f.Close()
	os.Remove(probe)
	if errors.Is(err, syscall.EOPNOTSUPP) {
		t.Skip("the file system of the temporary directory cannot punch holes")
	}
	s := New(dir, 1<<20)
	defer s.Remove()
	value := bytes.Repeat([]byte("v"), 32<<10)
	for i := range 1024 { // 32 MiB: some 32 runs of 1 MiB
		if err := s.Add('e', []byte{byte(i >> 8), byte(i)}, value, RankNew); err != nil {
			t.Fatal(err)
		}
	}
	kept := func(read func() ([]Stream, error)) int64 {
		streams, err := read()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		err = NewMerge(streams).Each(func(r *Record) error {
			if !bytes.Equal(r.Value, value) {
				t.Fatalf("record %d: value of %d bytes, not the one added", n, len(r.Value))
			}
			n++
			return nil
		})
		CloseStreams(streams)
		if err != nil || n != 1024 {
			t.Fatalf("merged %d records, %v", n, err)
		}
		var blocks int64
		for _, name := range s.runs {
			var st syscall.Stat_t
			if err := syscall.Stat(name, &st); err != nil {
				t.Fatal(err)
			}
			blocks += st.Blocks * 512
		}
		return blocks
	}
	if b := kept(s.Streams); b < 30<<20 {
		t.Fatalf("after Streams, the runs keep %d bytes of 32 MiB", b)
	}
	if b := kept(s.LastStreams); b > 8<<20 {
		t.Errorf("after LastStreams, the runs keep %d bytes of 32 MiB", b)
	}
	// What they let go of reads as zeros: the runs are not read again.
	if streams, err := s.Streams(); err == nil {
		CloseStreams(streams)
		t.Error("Streams after LastStreams: no error")
	}
}
