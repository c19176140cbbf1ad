package bolt

import (
	"slices"

	"chrono/model"
	"chrono/model/stored"
)

// Window returns up to before events of the view q selects that come
// before at and up to after events from at on, in timeline order, with the
// rank of the first in the view. The zero Position is the start of the
// view, or its end when fromEnd is set (then after is ignored). The
// position comes from the kept counts for the unfiltered view, and from a
// count of the events before the window otherwise.
func (s *Store) Window(q model.Query, at model.Position, fromEnd bool, before, after int) (model.Window, error) {
	var w model.Window
	err := s.view(func(b buckets) (err error) {
		w, err = windowIn(q, b, model.PageAt{At: at, FromEnd: fromEnd, Before: before, After: after}, stored.Decode)
		return err
	})
	return w, err
}

// Page is Window with the links other events make to each row's event,
// in the same read transaction. Its rows are for showing whole (a
// browser's window): their strings share one copy of each value
// (stored.DecodeWhole), where Window's, which scans keep ids of, are copied.
func (s *Store) Page(q model.Query, at model.PageAt) (model.Page, error) {
	var p model.Page
	err := s.view(func(b buckets) (err error) {
		if p.Window, err = windowIn(q, b, at, stored.DecodeWhole); err != nil {
			return err
		}
		p.Incoming, err = incomingIn(b, p.IDs())
		return err
	})
	return p, err
}

// maxPrealloc bounds the rows a window makes room for before reading
// them: a window asked for the whole view grows as it reads.
const maxPrealloc = 1 << 12

// windowIn is Window in a read of the store, its rows decoded by decode;
// Start is left 0 when at says Uncounted.
func windowIn(q model.Query, b buckets, at model.PageAt, decode func([]byte) (model.Event, error)) (model.Window, error) {
	var w model.Window
	anchor := at.At.Key()
	before, after := at.Before, at.After
	if at.FromEnd {
		anchor, after = nil, 0
	}
	// One slice for both sides, read backward first and turned round.
	rows := make([]model.Row, 0, min(max(before, 0), maxPrealloc)+min(max(after, 0), maxPrealloc))
	if before > 0 && (anchor != nil || at.FromEnd) {
		if err := scanRows(q, b, anchor, true, before, decode, &rows); err != nil {
			return w, err
		}
	}
	w.AtStart = len(rows) < before || (anchor == nil && !at.FromEnd)
	slices.Reverse(rows)
	w.AtEnd = at.FromEnd
	if !at.FromEnd {
		back := len(rows)
		if err := scanRows(q, b, anchor, false, after, decode, &rows); err != nil {
			return w, err
		}
		w.AtEnd = len(rows)-back < after
	}
	w.Rows = rows
	if len(w.Rows) == 0 || at.Uncounted {
		return w, nil
	}
	var err error
	w.Start, err = positionIn(q, b, w.Rows[0].Pos.Key())
	return w, err
}

// scanRows appends up to n rows of q from anchor to out, decoded by
// decode.
func scanRows(q model.Query, b buckets, anchor []byte, backward bool, n int, decode func([]byte) (model.Event, error), out *[]model.Row) error {
	if n <= 0 {
		return nil
	}
	read := 0
	return scan(q, b, anchor, backward, func(order []byte, value func() []byte) (bool, error) {
		e, err := decode(value())
		if err != nil {
			return false, err
		}
		*out = append(*out, model.Row{Pos: model.PositionOf(order), Event: e})
		read++
		return read < n, nil
	})
}

// positionIn returns how many events of q come before order.
func positionIn(q model.Query, b buckets, order []byte) (int, error) {
	if q.IsZero() {
		return position(b, order), nil
	}
	if k, err := wholeKeyed(q, b); k != nil || err != nil {
		if err != nil {
			return 0, err
		}
		return k.search(b, order), nil
	}
	n := 0
	err := scan(q, b, nil, false, func(k []byte, _ func() []byte) (bool, error) {
		if string(k) >= string(order) {
			return false, nil
		}
		n++
		return true, nil
	})
	return n, err
}
