package model

import "slices"

// AddQuote adds a quote to an event, at position at (from 1; 0 or past
// the end: last).
func AddQuote(tx Tx, id string, q Quote, at int) (Change, error) {
	return UpdateEvent(tx, id, func(e *Event) error {
		if at < 1 || at > len(e.Quotes) {
			e.Quotes = append(e.Quotes, q)
		} else {
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
