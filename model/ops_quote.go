package model

import (
	"fmt"
	"slices"
)

// AddQuote adds a quote to an event, at position at (from 1, up to one
// past the last quote; 0: last). A place outside these is refused: a
// quote put last when it was meant to go elsewhere would read as the
// account's last word.
func AddQuote(tx Tx, id string, q Quote, at int) (Change, error) {
	return UpdateEvent(tx, id, func(e *Event) error {
		switch n := len(e.Quotes); {
		case at == 0 || at == n+1:
			e.Quotes = append(e.Quotes, q)
		case at < 0 || at > n+1:
			return fmt.Errorf("quote place %d: give a place from 1 to %d (%s has %d), or none to put it last", at, n+1, e.ID, n)
		default:
			e.Quotes = slices.Insert(e.Quotes, at-1, q)
		}
		return nil
	})
}

// EditQuote replaces quote n (from 1) of an event.
func EditQuote(tx Tx, id string, n int, q Quote) (Change, error) {
	return UpdateEvent(tx, id, func(e *Event) error {
		i, err := itemIndex(e, e.Quotes, n, "quote")
		if err != nil {
			return err
		}
		e.Quotes[i] = q
		return nil
	})
}

// RemoveQuote removes quote n (from 1) of an event.
func RemoveQuote(tx Tx, id string, n int) (Change, error) {
	return UpdateEvent(tx, id, removingQuote(n))
}

// removingQuote removes quote n (from 1) of the event it is given.
func removingQuote(n int) func(e *Event) error {
	return func(e *Event) error {
		i, err := itemIndex(e, e.Quotes, n, "quote")
		if err != nil {
			return err
		}
		e.Quotes = slices.Delete(e.Quotes, i, i+1)
		return nil
	}
}

// MoveQuote moves quote n (from 1) of an event to position to.
func MoveQuote(tx Tx, id string, n, to int) (Change, error) {
	return UpdateEvent(tx, id, movingQuote(n, to))
}

// movingQuote moves quote n (from 1) of the event it is given to
// position to.
func movingQuote(n, to int) func(e *Event) error {
	return func(e *Event) error {
		i, err := itemIndex(e, e.Quotes, n, "quote")
		if err != nil {
			return err
		}
		j, err := itemIndex(e, e.Quotes, to, "quote")
		if err != nil {
			return err
		}
		q := e.Quotes[i]
		e.Quotes = slices.Insert(slices.Delete(e.Quotes, i, i+1), j, q)
		return nil
	}
}
