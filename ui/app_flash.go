package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/ecsdeck/ecsdeck/model"
)

// How long a flash message stays; errors stay longer to be read.
const (
	flashFor      = 4 * time.Second
	flashErrorFor = 8 * time.Second
)

// flash is the message in the flash line. id grows with every message so
// the clear tick of an older message cannot clear a newer one.
type flash struct {
	id    int
	level FlashLevel
	text  string
}

type flashClearMsg struct{ id int }

func (a *App) setFlash(level FlashLevel, text string) tea.Cmd {
	id := a.flash.id + 1
	a.flash = flash{id: id, level: level, text: model.Sanitize(text)}
	d := flashFor
	if level == FlashError {
		d = flashErrorFor
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return flashClearMsg{id: id} })
}

func (a *App) clearFlash(id int) {
	if id == a.flash.id {
		a.flash.text = ""
	}
}

func (a *App) flashLine() string {
	if a.flash.text == "" {
		return ""
	}
	return a.ctx.Styles.Flash(a.flash.level).Render(fitCell(a.flash.text, a.w, false))
}
