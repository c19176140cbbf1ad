package main

import (
	"fmt"
	"syscall"

	"chrono/store/outfile"
)

// noRoomToWrite explains a write to dest that failed for want of space
// (a full disk, a quota, a file-size limit): what is left behind and what
// to do, instead of the encoder's or the system call's wording, which
// says neither. through says dest is written as it goes (stdout, a
// device), so that what reached it is a part; a file is written beside
// and renamed, so that none is left. Another error is returned as it is.
func noRoomToWrite(dest string, through bool, err error) error {
	left := "no file was left"
	if through {
		left = "what reached it is incomplete"
	}
	switch errno := outfile.NoRoom(err); errno {
	case syscall.EFBIG:
		// A limit on a file's size, which no space freed lifts.
		return fmt.Errorf("cannot write %s: a file reached the largest size this process may write there (%w): %s; raise the limit on file size (ulimit -f), or write to a file system that holds larger files, and try again", dest, syscall.EFBIG, left)
	case syscall.ENOSPC, syscall.EDQUOT:
		return fmt.Errorf("no room to write %s (%w): %s; free some disk space, or write elsewhere, and try again", dest, errno, left)
	}
	return err
}
