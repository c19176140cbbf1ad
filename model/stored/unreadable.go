package stored

import (
	"errors"
	"fmt"

	"chrono/model"
)

// ErrUnreadable is what errors about stored bytes that cannot be read
// are to errors.Is. A store names its file or table around them.
var ErrUnreadable = errors.New("stored data cannot be read")

// Unreadable is an error about stored bytes that cannot be read, saying
// what and why (`event "x": its tags are cut short`); it is
// ErrUnreadable to errors.Is.
type Unreadable string

func (u Unreadable) Error() string        { return string(u) }
func (u Unreadable) Is(target error) bool { return target == ErrUnreadable }

// Unreadablef is an Unreadable, formatted.
func Unreadablef(format string, args ...any) error {
	return Unreadable(fmt.Sprintf(format, args...))
}

// IsDamage reports whether a read of stored bytes failed for what the
// store holds (damaged, cut short), which a check reports as found, and
// not for a read that failed (a connection lost), which says nothing of
// them and stops the check.
func IsDamage(err error) bool {
	return errors.Is(err, model.ErrDamaged) || errors.Is(err, ErrUnreadable)
}
