package timesketch

import "chrono/model"

// lossCounter counts losses: a model.Losses, or a tally of one record.
type lossCounter interface {
	Add(l model.Loss, n int)
	AddShown(l model.Loss, n int, example string)
}

// tally keeps the losses of one record, counted on a worker, to be
// counted again in the read's model.Losses in file order: counted in
// the same order, they list in the order a sequential read lists them.
type tally []lossCount

type lossCount struct {
	loss    model.Loss
	n       int
	example string
}

// Add counts n more of a loss.
func (t *tally) Add(l model.Loss, n int) { *t = append(*t, lossCount{loss: l, n: n}) }

// AddShown counts n more of a loss, with what the first of them was.
func (t *tally) AddShown(l model.Loss, n int, example string) {
	*t = append(*t, lossCount{l, n, example})
}

// countIn counts the tally in losses.
func (t tally) countIn(losses *model.Losses) {
	for _, c := range t {
		losses.AddShown(c.loss, c.n, c.example)
	}
}
