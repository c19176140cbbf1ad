package pg

import "github.com/jackc/pgx/v5"

// searchMedia is the nineteenth step: a search looks in a medium's
// caption, credit, title and alt text from now on, and the events stored
// with media before it (their bodies, alone, in version 4 of the binary
// form: the number is written out, as a step is never changed) get their
// key and words made again to hold them, so that a search finds them by
// the words of their pictures too.
func searchMedia(tx pgx.Tx) error { return rekey(tx, `get_byte(body, 0) = $3`, int32(4)) }
