package bolt

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"chrono/model"
)

// TestOpenWhileBulkImportsReplaceTheFile opens the store again and again,
// to read and to write, while bulk imports keep renaming new files over
// it. A reader keeps the file it opened, which stays whole however often
// the path is replaced; a writer waits for the current file as it waits
// for a lock, and at worst gives up with model.ErrInUse. Neither gives up
// early because the file was replaced.
func TestOpenWhileBulkImportsReplaceTheFile(t *testing.T) {
	path := storeFile(t)
	const replacements = 50
	done := make(chan struct{}) // the imports are over
	var importErr error
	go func() {
		defer close(done)
		for range replacements {
			s, err := Open(path, Options{Timeout: 10 * time.Second})
			if err != nil {
				importErr = err
				return
			}
			_, err = s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true})
			s.Close()
			if err != nil {
				importErr = err
				return
			}
		}
	}()

	var opens sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	var inUse, opened int
	for w := range 4 {
		readOnly := w%2 == 0
		opens.Add(1)
		go func() {
			defer opens.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				opts := Options{ReadOnly: readOnly}
				if readOnly {
					// Long enough that a slow import, on a busy machine,
					// does not keep a reader out.
					opts.Timeout = 5 * time.Second
				}
				s, err := Open(path, opts)
				mu.Lock()
				switch {
				case err == nil:
					opened++
				case !readOnly && errors.Is(err, model.ErrInUse) && strings.Contains(err.Error(), "is in use by another chrono process"):
					inUse++ // a writer may wait the whole timeout
				default:
					failures = append(failures, fmt.Sprintf("Open(ReadOnly: %v): %v", readOnly, err))
				}
				mu.Unlock()
				if err != nil {
					continue
				}
				// What the reader opened reads whole, whatever the path
				// holds by now.
				if n, err := s.Count(model.Query{}); err != nil || n < 13 {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("counting what was opened: %d, %v", n, err))
					mu.Unlock()
				}
				s.Close()
				// As commands do, leave the store free now and then:
				// readers that always overlap would keep every writer
				// out.
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}
	opens.Wait()
	if importErr != nil {
		t.Fatalf("the importing goroutine: %v", importErr)
	}
	for _, f := range failures {
		t.Error(f)
	}
	t.Logf("%d replacements; %d opens, %d writers gave up as in use", replacements, opened, inUse)
}
