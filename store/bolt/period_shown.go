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
	for _, w := range model.ShownWindows(periods) {
		err := scan(q, b, model.OrderKeyAt(w.Earliest), false, func(order []byte, value func() []byte) (bool, error) {
			if lead, placed := model.OrderKeyLead(order); !placed || lead.Compare(w.Latest) > 0 {
				return false, nil
			}
			if !model.ShownMayMove(order) {
				return true, nil
			}
			if m, ok := model.ShownMoveOf(order, stored.DateOf(value()), q.Zone); ok {
				moves = append(moves, m)
			}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return model.MovePeriods(periods, moves), nil
}
