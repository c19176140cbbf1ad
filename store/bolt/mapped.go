package bolt

import "strconv"

// mappedFor is how much of a store's file of size bytes bbolt maps at
// the start, for a store opened to write: room for the file to grow to
// four times its size. When a write's commit grows the file past the
// mapping, bbolt maps it again and first copies every key and value the
// transaction holds out of the old mapping: an undo of 200,000 imported
// events, which triples the file, held 270 MB of such copies at its
// peak. The mapping is address space, not memory. A store of less than
// aheadFrom is mapped as large as its file (0): bbolt grows a file to
// the whole of a mapping of up to 16 MiB, and a small store would take
// that much disk for nothing; nor is address space to spare everywhere.
func mappedFor(size int64, readOnly bool) int {
	if readOnly || strconv.IntSize < 64 || size < aheadFrom {
		return 0
	}
	return int(4 * size)
}

// aheadFrom is the size of a store's file from which it is mapped ahead
// (mappedFor): past bbolt's 16 MiB step of growth, so that a file grows
// as it did.
const aheadFrom = 64 << 20
