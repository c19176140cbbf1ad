package bolt

import (
	"chrono/model"
	"chrono/model/stored"
)

// shownPeriods returns periods, the months of the view q selects as its
// events' instants give them, with each event counted in the month its
// row shows it in, in q.Zone (model.ShownWindows): only the events whose
// order key leads with an instant near a month's turn the periods reach
// are read again, and of those only the ones whose stated date starts or
// ends near one have their date read.
func shownPeriods(q model.Query, b buckets, periods []model.Period) ([]model.Period, error) {
	var moves []model.ShownMove
	near := func(order []byte, value func() []byte) {
		if !model.ShownMayMove(order) {
			return
		}
		if m, ok := model.ShownMoveOf(order, stored.DateOf(value()), q.Zone); ok {
			moves = append(moves, m)
		}
	}
	windows := model.ShownWindows(periods, q.Zone)
	if q.IsZero() {
		// The whole view: one cursor seeks from window to window,
		// without a filter's or a long read's upkeep for each.
		c := b.events.Cursor()
		for _, w := range windows {
			for k, v := c.Seek(model.OrderKeyAt(w.Earliest)); k != nil; k, v = c.Next() {
				if lead, placed := model.OrderKeyLead(k); !placed || lead.Compare(w.Latest) > 0 {
					break
				}
				near(k, func() []byte { return v })
			}
		}
		return model.MovePeriods(periods, moves), nil
	}
	for _, w := range windows {
		err := scan(q, b, model.OrderKeyAt(w.Earliest), false, func(order []byte, value func() []byte) (bool, error) {
			if lead, placed := model.OrderKeyLead(order); !placed || lead.Compare(w.Latest) > 0 {
				return false, nil
			}
			near(order, value)
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return model.MovePeriods(periods, moves), nil
}
