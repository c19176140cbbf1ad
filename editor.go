package main

// runEditInEditor opens the event in $EDITOR; see newEditCmd.
func runEditInEditor(opts *editOptions) error {
	return usagef("edit %s: give --set FIELD=VALUE", opts.id)
}
