package tui

import (
	"errors"
	"fmt"

	"chrono/model"
)

// inUseOnServer is err as a browser served over SSH says it: a store in
// use by another chrono on the server is named as the person knows it,
// the investigation, not by the server's path, and they are told to try
// again, not to close a process they cannot reach. Other errors, and
// every error of a local browser, are returned as they are.
func (c *shared) inUseOnServer(err error) error {
	if !c.remote || !errors.Is(err, model.ErrInUse) {
		return err
	}
	return fmt.Errorf("%s is %w on the server (an import, say): try again once it is done", c.location, model.ErrInUse)
}
