package bolt

import bbolt "go.etcd.io/bbolt"

// indexLinking (9 to 10) adds linking/, the entries that changed the
// links other events make to each event, from the journal read once:
// until then an event's history read the whole journal back to find
// them. An entry of a kind that leaves links has only its head read.
func indexLinking(tx *bbolt.Tx) error {
	linking, err := tx.CreateBucketIfNotExists(bucketLinking.name)
	if err != nil {
		return err
	}
	c := tx.Bucket(bucketJournal.name).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		seq := beUint64(k)
		// An entry that does not read is left out rather than keeping
		// the store from being written to: chrono verify --journal
		// names it, and the history of an event it touched says so.
		e, p, err := decodeEntryHead(seq, v)
		if err != nil || e.Op.LeavesLinks() {
			continue
		}
		if err := p.Events(&e, ""); err != nil {
			continue
		}
		for _, id := range e.LinksChangedTo() {
			if err := linking.Put(historyKey(id, seq), nil); err != nil {
				return err
			}
		}
	}
	return nil
}
