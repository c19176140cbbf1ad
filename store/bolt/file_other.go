//go:build !unix

package bolt

import (
	"fmt"
	"io/fs"
)

// openFlags are added to every open of the store's file: none here.
const openFlags = 0

// unwritable says why this process may not write the file at path (fi
// is what os.Stat says of it), or "" when it may: here, only the file's
// read-only attribute is known.
func unwritable(path string, fi fs.FileInfo) string {
	if fi.Mode().Perm()&0o200 == 0 {
		return fmt.Sprintf("file mode %04o", fi.Mode().Perm())
	}
	return ""
}
