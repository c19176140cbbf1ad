package outfile

import (
	"fmt"
	"os"
)

// NotADirectoryPath refuses a path for a new file that ends in a
// separator: it names a directory, and making the file's parent
// directories first would leave that directory behind when the file then
// cannot be made there.
func NotADirectoryPath(path string) error {
	if path != "" && os.IsPathSeparator(path[len(path)-1]) {
		return fmt.Errorf("store %s ends in %c, which names a directory; give the path of a store file", path, path[len(path)-1])
	}
	return nil
}
