package ui

import (
	"time"

	"github.com/ecsdeck/ecsdeck/aws"
	"github.com/ecsdeck/ecsdeck/keymap"
)

// Context is what every view shares, passed down by the App when it builds
// a view. Styles is a pointer the App updates in place when the terminal
// reports its background colour, so views always draw with the current one.
type Context struct {
	Client  *aws.Client
	Styles  *Styles
	Keys    *keymap.Map
	Refresh time.Duration // background refresh interval
	Now     func() time.Time
}

// keysOf is the context's key map, or the defaults.
func keysOf(ctx *Context) *keymap.Map {
	if ctx.Keys != nil {
		return ctx.Keys
	}
	return keymap.New(false)
}

// clockOf is the context's clock, or the wall clock.
func clockOf(ctx *Context) func() time.Time {
	if ctx.Now != nil {
		return ctx.Now
	}
	return time.Now
}
