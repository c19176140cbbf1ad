package pg

import "github.com/jackc/pgx/v5"

// typographyForms matches a search key holding a character that chrono's
// fold (model.FoldKey) once kept as it was and now takes for another:
// curly apostrophes and quotation marks, no-break spaces, Unicode's
// hyphens, and Russian ё (keys are in lower case).
const typographyForms = `[\u2018\u2019\u201B\u02BC\u201C-\u201F\u00A0\u2007\u202F\u2010\u2011\u0451]`

// foldTypography is the sixteenth step: the events stored before it whose
// search key holds typographic forms ("lawmaker’s", “cash”) or ё get
// their key and words made again (refoldKeys), so that "lawmaker's"
// finds "lawmaker’s" and "федоров" finds "Фёдоров".
func foldTypography(tx pgx.Tx) error { return refoldKeys(tx, typographyForms) }
