package pg

import "github.com/jackc/pgx/v5"

// widthForms matches a search key holding a character that chrono's
// fold (model.FoldKey) once kept as it was and now takes for the one it
// stands for: the full-width forms of ASCII and the ideographic space.
const widthForms = `[\u3000\uFF01-\uFF5E]`

// foldWidths is the fourteenth step: the events stored before it whose
// search key holds full-width forms ("ＮＳＯ", "２０１７") get their key
// and its words made again from their bodies, so that a search for
// "nso" finds them, and the vocabulary gets the new words. Only those
// rows are written; the others' keys are as the fold makes them now.
func foldWidths(tx pgx.Tx) error { return refoldKeys(tx, widthForms) }
