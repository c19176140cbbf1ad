package verbatim

// State is what a check found.
type State uint8

// The states of a quote checked against a text.
const (
	// NotFound: the quote is not in the text, even after normalisation.
	NotFound State = iota
	// Verbatim: the quote's bytes are in the text as they are.
	Verbatim
	// Normalised: the quote is in the text after the rules in
	// Result.Rules.
	Normalised
)

// String names the state: "verbatim", "normalised", "not found".
func (s State) String() string {
	switch s {
	case Verbatim:
		return "verbatim"
	case Normalised:
		return "normalised"
	}
	return "not found"
}

// Span is a byte range of the text, Start inclusive, End exclusive.
type Span struct{ Start, End int }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Result is what a check found.
type Result struct {
	State State
	// Rules are the rules the match needed; none for Verbatim.
	Rules Rules
	// Span is where the quote is in the text, from its first word to
	// its last; with an ellipsis, what the ellipsis left out is inside
	// it. Zero when not found.
	Span Span
	// Parts are the ranges of the quote's parts around its ellipses, in
	// order; one part, Span, when it has none.
	Parts []Span
	// Closest is the passage of the text nearest the quote when it is
	// not found; empty when no word of the quote is in the text.
	Closest Span
	// Diff is the quote against the closest passage, word by word.
	Diff []Change
}

// Op says where a Change's words are.
type Op uint8

// The kinds of change in a diff of a quote against a passage.
const (
	// Same words are in both.
	Same Op = iota
	// Removed words are in the quote, not in the passage.
	Removed
	// Added words are in the passage, not in the quote.
	Added
)

// Change is a stretch of words of a diff.
type Change struct {
	Op   Op
	Text string
	// Space says a space comes before Text.
	Space bool
}
