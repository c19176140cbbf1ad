package main

import "fmt"

// events counts events in words: "1 event", "13 events".
func events(n int) string {
	if n == 1 {
		return "1 event"
	}
	return fmt.Sprintf("%d events", n)
}
