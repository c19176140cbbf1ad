package model

import (
	"errors"
	"fmt"
	"strings"
)

// AddSource adds a new source; a source without an id gets one made from
// its publisher and title.
func AddSource(tx Tx, s Source) (Source, error) {
	if s.ID == "" {
		if s == (Source{}) {
			return Source{}, errors.New("a source needs something that says which it is: a publisher, title, author or URL")
		}
		var err error
		s.ID = NewID(strings.TrimSpace(s.Publisher+" "+s.Title), "source", func(id string) bool {
			_, serr := tx.Source(id)
			if serr != nil && !errors.Is(serr, ErrNotFound) {
				err = serr
			}
			return serr == nil || err != nil
		})
		if err != nil {
			return Source{}, err
		}
	} else if _, err := tx.Source(s.ID); err == nil {
		return Source{}, fmt.Errorf("source %q: id already in use; choose another, or chrono source edit %s", s.ID, s.ID)
	} else if !errors.Is(err, ErrNotFound) {
		return Source{}, err
	}
	if msgs := append(s.Check(), s.textNotUTF8()...); len(msgs) > 0 {
		return Source{}, fmt.Errorf("source %q: %s", s.ID, strings.Join(msgs, "; "))
	}
	return s, tx.PutSource(s)
}

// EditSource replaces a source.
func EditSource(tx Tx, s Source) error {
	if _, err := tx.Source(s.ID); err != nil {
		return err
	}
	if msgs := append(s.Check(), s.textNotUTF8()...); len(msgs) > 0 {
		return fmt.Errorf("source %q: %s", s.ID, strings.Join(msgs, "; "))
	}
	return tx.PutSource(s)
}

// RemoveSource removes a source that nothing cites; a cited one is
// refused with the number of events citing it (Tx.Citing).
func RemoveSource(tx Tx, id string) error {
	if _, err := tx.Source(id); err != nil {
		return err
	}
	n, err := tx.Citing(id)
	if err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("source %q: cited by %d %s, in quotes or date texts; change or remove those first", id, n, plural(n, "event", "events"))
	}
	return tx.DeleteSource(id)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
